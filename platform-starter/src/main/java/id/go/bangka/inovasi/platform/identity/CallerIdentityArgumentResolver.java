package id.go.bangka.inovasi.platform.identity;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets controller methods take the verified {@link CallerIdentity} as a parameter. */
public class CallerIdentityArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return CallerIdentity.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Object identity = webRequest.getAttribute(VerifiedIdentityFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (identity == null) {
            throw new InvalidIdentityException("The request carries no identity signed by the gateway.");
        }
        return identity;
    }
}
