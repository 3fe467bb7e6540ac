package dev.stoker.render;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.springframework.http.ProblemDetail;

import dev.stoker.ignition.IgnitionJson;
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
		return secret(YAML, documents.kubeadmConfig(name, group));
	}

	@GetMapping(path = "/node-groups/{group}/butane", produces = YAML)
	@Operation(operationId = "getGroupButane", summary = "A node group's Butane config",
			description = "The Butane (flatcar variant) every machine of the group boots with; it transpiles to exactly the group's Ignition.")
	@ApiResponse(responseCode = "200", description = "Butane YAML")
	@ApiResponse(responseCode = "404",
			description = "No such cluster or node group, or the group's machines are static nodes",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<String> groupButane(@PathVariable String name, @PathVariable String group) {
		return secret(YAML, documents.groupButane(name, group));
	}

	@GetMapping(path = "/node-groups/{group}/ignition", produces = IgnitionJson.MEDIA_TYPE)
	@Operation(operationId = "getGroupIgnition", summary = "A node group's Ignition config",
			description = "What a machine of the group fetches at first boot (or what goes into its user data).")
	@ApiResponse(responseCode = "200", description = "Ignition JSON")
	@ApiResponse(responseCode = "404",
			description = "No such cluster or node group, or the group's machines are static nodes",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<String> groupIgnition(@PathVariable String name, @PathVariable String group) {
		return secret(IgnitionJson.MEDIA_TYPE, documents.groupIgnition(name, group));
	}

	@GetMapping(path = "/nodes/{node}/butane", produces = YAML)
	@Operation(operationId = "getNodeButane", summary = "A static node's Butane config",
			description = "Its addresses and hostname filled in; it needs no metadata service.")
	@ApiResponse(responseCode = "200", description = "Butane YAML")
	@ApiResponse(responseCode = "404", description = "No such cluster or node",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<String> nodeButane(@PathVariable String name, @PathVariable String node) {
		return secret(YAML, documents.nodeButane(name, node));
	}

	@GetMapping(path = "/nodes/{node}/ignition", produces = IgnitionJson.MEDIA_TYPE)
	@Operation(operationId = "getNodeIgnition", summary = "A static node's Ignition config")
	@ApiResponse(responseCode = "200", description = "Ignition JSON")
	@ApiResponse(responseCode = "404", description = "No such cluster or node",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<String> nodeIgnition(@PathVariable String name, @PathVariable String node) {
		return secret(IgnitionJson.MEDIA_TYPE, documents.nodeIgnition(name, node));
	}

	/** Documents hold the bootstrap token: never cached anywhere. */
	private static ResponseEntity<String> secret(String mediaType, String body) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Content-Type", mediaType).body(body);
	}

}
