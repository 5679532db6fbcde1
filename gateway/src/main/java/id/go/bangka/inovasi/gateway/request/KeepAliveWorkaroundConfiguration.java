package id.go.bangka.inovasi.gateway.request;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/** Installs {@link KeepAliveReadResumer} on every HTTP/1.1 connection the gateway accepts. */
@Configuration(proxyBeanMethods = false)
public class KeepAliveWorkaroundConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KeepAliveWorkaroundConfiguration.class);
    private static final String NAME = "inovasi.keepAliveReadResumer";

    @Bean
    NettyServerCustomizer keepAliveReadResumer() {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
                channel.pipeline().addBefore(NettyPipeline.HttpTrafficHandler, NAME, new KeepAliveReadResumer());
            } else {
                log.debug("No HTTP/1.1 traffic handler on {}: keep-alive read resumer not installed", channel);
            }
        });
    }
}
