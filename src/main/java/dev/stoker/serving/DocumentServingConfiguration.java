package dev.stoker.serving;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;

import dev.stoker.StokerProperties;

/**
 * Serves node documents at the servlet filter level (see the filter for why). Only in a
 * servlet web application: it answers through Spring MVC's exception handlers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DocumentServingConfiguration {

	@Bean
	DocumentServingFilter documentServingFilter(NodeDocuments documents, StokerProperties properties,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionHandlers) {
		return new DocumentServingFilter(documents, properties.publicUrl(), exceptionHandlers);
	}

}
