package dev.stoker.web;

import java.time.Clock;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.yaml.JacksonYamlHttpMessageConverter;

import dev.stoker.json.Mappers;
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

	@Bean
	ServerHttpMessageConvertersCustomizer yamlBodies() {
		return converters -> converters.withYamlConverter(new JacksonYamlHttpMessageConverter(Mappers.yaml()));
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
