package dev.stoker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.validation.Validator;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StokerApplication {

	public static void main(String[] args) {
		SpringApplication.run(StokerApplication.class, args);
	}

	/**
	 * Static, and named so, as Spring Boot looks it up while it binds the properties,
	 * before other beans exist.
	 */
	@Bean
	static Validator configurationPropertiesValidator() {
		return new StokerPropertiesValidator();
	}

}
