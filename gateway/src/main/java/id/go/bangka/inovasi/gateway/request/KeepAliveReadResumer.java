package id.go.bangka.inovasi.gateway.request;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Asks a kept-alive HTTP/1.1 connection for its next request after each complete response, on the next turn of the
 * event loop. It works around reactor-netty issue 4361 (fix proposed in pull request 4347; present in the 1.3.6
 * this Boot version brings and in 1.3.7): a request that arrives before the previous exchange has terminated is
 * buffered, and when that buffered request is answered at once (a 401 from security, a 404), Reactor Netty drains its
 * queue without asking the channel to read again, so the connection's next request waits until the client gives up.
 * Reactor Netty reads on demand; one more read either finds nothing or a request it handles as any other.
 */
final class KeepAliveReadResumer extends ChannelOutboundHandlerAdapter {

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        boolean responseComplete = msg instanceof LastHttpContent;
        super.write(ctx, msg, promise);
        if (responseComplete) {
            ctx.executor().execute(ctx::read);
        }
    }
}
