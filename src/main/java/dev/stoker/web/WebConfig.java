package dev.stoker.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.yaml.JacksonYamlHttpMessageConverter;

import dev.stoker.json.Mappers;
import dev.stoker.json.YamlMediaTypes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires Stoker's mappers into Spring MVC, so request and response bodies follow the same
 * rules as storage.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig {

	@Bean
	JsonMapper jsonMapper() {
		return Mappers.json();
	}

	/**
	 * YAML bodies are read once, by Stoker's YAML mapper: a tag or an alias it does not
	 * read as written comes out as a refusal in the tree, which the definition's reader
	 * reports at its pointer with the definition's other problems. It reads every name
	 * YAML is sent under ({@link YamlMediaTypes}).
	 */
	@Bean
	ServerHttpMessageConvertersCustomizer yamlBodies() {
		JacksonYamlHttpMessageConverter yaml = new JacksonYamlHttpMessageConverter(Mappers.yaml());
		List<MediaType> types = new ArrayList<>(YamlMediaTypes.ALL.stream().map(MediaType::valueOf).toList());
		types.add(new MediaType("application", "*+yaml"));
		yaml.setSupportedMediaTypes(types);
		return converters -> converters.withYamlConverter(yaml);
	}

	/**
	 * Errors Tomcat answers itself become problem details too (see
	 * ProblemErrorReportValve).
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
		return factory -> factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
		});
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
