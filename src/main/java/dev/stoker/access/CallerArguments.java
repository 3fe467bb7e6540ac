package dev.stoker.access;

import java.util.List;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.stoker.audit.Requester;

/**
 * Hands a handler the {@link Credential} and {@link Requester} of its request, as plain
 * parameters: the access filter has put them on the request, and guards every path that
 * has a handler taking them. They are no request parameters to the API description.
 */
@Configuration(proxyBeanMethods = false)
class CallerArguments implements WebMvcConfigurer {

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Credential.class, Requester.class);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new Resolver());
	}

	static final class Resolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == Credential.class || parameter.getParameterType() == Requester.class;
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
				NativeWebRequest request, WebDataBinderFactory binders) {
			String name = (parameter.getParameterType() == Credential.class) ? Credential.ATTRIBUTE
					: Requester.ATTRIBUTE;
			Object value = request.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
			if (value == null) {
				throw new IllegalStateException(
						"No " + parameter.getParameterType().getSimpleName() + " on the request: the access filter "
								+ "did not authenticate it, so no handler taking one may be on an open path");
			}
			return value;
		}

	}

}
