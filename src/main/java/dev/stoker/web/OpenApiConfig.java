package dev.stoker.web;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description served at /v3/api-docs, with the admin bearer scheme so Swagger
 * UI's Authorize works.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

	@Bean
	OpenAPI stokerOpenApi() {
		return new OpenAPI()
			// relative, so the description is the same whichever host or proxy serves it
			.servers(List.of(new Server().url("/")))
			.info(new Info().title("Stoker")
				.version("v1")
				.description("Stores Kubernetes cluster definitions and renders, per node, the Butane and Ignition "
						+ "documents that make a Flatcar Container Linux machine bootstrap itself with kubeadm. "
						+ "Errors are RFC 9457 problem details; validation errors list every field by JSON Pointer.")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes("admin", new SecurityScheme().type(SecurityScheme.Type.HTTP)
				.scheme("bearer")
				.description(
						"The admin token: STOKER_ADMIN_TOKEN, or the file <data-dir>/admin-token written at first start"))
				.addSecuritySchemes("fetchToken", new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.description("A node group's fetch token (stf.…), answered when the group is created: it opens "
							+ "that group's documents and its static nodes' only"))
				.addSecuritySchemes("keeperCredential", new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.description("A cluster's keeper credential (stj.…), written into its control-plane documents: it "
							+ "opens that cluster's join-token list and check-ins only"))
				.addSecuritySchemes("reportCredential", new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.description("A node group's report credential (str.…), written into its documents: it opens "
							+ "that group's machine reports only")));
	}

	@Bean
	OpenApiCustomizer sharedApiResponses() {
		return new SharedApiResponses();
	}

}
