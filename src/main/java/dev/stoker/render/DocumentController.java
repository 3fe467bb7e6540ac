package dev.stoker.render;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.springframework.http.ProblemDetail;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The documents a node boots with. They hold secrets: never cached. */
@RestController
@RequestMapping("/api/v1/clusters/{name}")
@Tag(name = "Documents", description = "What a node boots with, rendered from its cluster's definition and secrets")
@SecurityRequirement(name = "admin")
class DocumentController {

	private static final String YAML = "application/yaml";

	private final NodeDocuments documents;

	DocumentController(NodeDocuments documents) {
		this.documents = documents;
	}

	@GetMapping(path = "/node-groups/{group}/kubeadm", produces = YAML)
	@Operation(operationId = "getKubeadmConfig", summary = "A node group's kubeadm config",
			description = "/etc/kubeadm.yml as the node receives it, before the host substitutes its Afterburn address variables. Holds the bootstrap token (and on control planes the certificate key).")
	@ApiResponse(responseCode = "200", description = "The kubeadm config, one YAML document per kubeadm kind")
	@ApiResponse(responseCode = "404",
			description = "No such cluster or node group, or the group's machines are static nodes",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "401", description = "No or wrong admin token",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<String> kubeadm(@Parameter(description = "Cluster name") @PathVariable String name,
			@Parameter(description = "Node group name") @PathVariable String group) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header("Content-Type", YAML)
			.body(documents.kubeadmConfig(name, group));
	}

}
