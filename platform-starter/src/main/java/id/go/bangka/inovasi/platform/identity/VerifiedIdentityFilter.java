package id.go.bangka.inovasi.platform.identity;

import id.go.bangka.inovasi.platform.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Verifies the signed identity on every API request and exposes it as {@link CallerIdentity}. A request without a
 * valid signature for this service, method, path and query, such as one that bypassed the gateway or replays another
 * request's identity, is refused with a 401 problem.
 */
public class VerifiedIdentityFilter extends OncePerRequestFilter {

    /** Request attribute holding the verified {@link CallerIdentity}. */
    public static final String ATTRIBUTE = CallerIdentity.class.getName();
    /**
     * Request attribute holding who signed the identity: {@code gateway}, or the service calling on its caller's
     * behalf (for internal endpoints that only another service may call).
     */
    public static final String SIGNER_ATTRIBUTE = "inovasi.identity.signer";
    /** Logging context key of the request id, shown in every log line of the request. */
    public static final String REQUEST_ID_MDC = "requestId";

    private final IdentitySigner signer;
    private final ProblemWriter problems;

    public VerifiedIdentityFilter(IdentitySigner signer, ProblemWriter problems) {
        this.signer = signer;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SignedIdentity signed;
        try {
            signed = signer.verify(request::getHeader, request.getMethod(),
                    RequestTarget.pathAndQuery(request.getRequestURI(), request.getQueryString()));
        } catch (InvalidIdentityException e) {
            response.setHeader("WWW-Authenticate", "Signature realm=\"inovasi\"");
            problems.write(response, HttpStatus.UNAUTHORIZED, "Unauthenticated", e.getMessage(),
                    request.getRequestURI());
            return;
        }
        CallerIdentity identity = signed.identity();
        request.setAttribute(ATTRIBUTE, identity);
        request.setAttribute(SIGNER_ATTRIBUTE, signed.signer());
        MDC.put(REQUEST_ID_MDC, identity.requestId());
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(REQUEST_ID_MDC);
        }
    }
}
