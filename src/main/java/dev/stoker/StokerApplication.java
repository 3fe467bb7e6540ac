package dev.stoker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StokerApplication {

	public static void main(String[] args) {
		SpringApplication.run(StokerApplication.class, args);
	}

}
