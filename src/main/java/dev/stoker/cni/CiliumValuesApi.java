package dev.stoker.cni;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;

import dev.stoker.json.YamlMediaTypes;

/**
 * The API description of {@link CiliumValuesController}, kept apart so the controller
 * stays readable. The answers every operation shares (400, 401, 403, 406, 413, 415, 503)
 * are declared once, for the whole API, in the web package's OpenAPI configuration.
 */
@SecurityRequirement(name = "admin")
interface CiliumValuesApi {

	String YAML = YamlMediaTypes.APPLICATION_YAML;

	String JSON = MediaType.APPLICATION_JSON_VALUE;

	@Operation(operationId = "getCiliumValues", tags = "Clusters", summary = "Helm values for Cilium (admin only)",
			description = "Values for the Cilium chart that follow the definition, for "
					+ "helm install cilium cilium/cilium -f: IPv4 and IPv6 as the pod subnets are, Kubernetes IPAM (the "
					+ "node ranges kube-controller-manager hands out from the pod subnets), the control-plane endpoint "
					+ "for the agents to reach the API server by, kube-proxy replacement when networking.skipKubeProxy, "
					+ "and tunnels over IPv6 in a cluster without IPv4. YAML unless Accept asks for JSON.")
	@ApiResponse(responseCode = "200", description = "The values",
			headers = { @Header(name = "ETag", description = "The revision of the definition they follow"),
					@Header(name = "Last-Modified", description = "When that revision was stored") })
	@ApiResponse(responseCode = "304", description = "If-None-Match named the current revision", content = @Content,
			headers = @Header(name = "ETag", description = "The revision"))
	@ApiResponse(responseCode = "404", description = "No such cluster (cluster-not-found)")
	ResponseEntity<CiliumValues> ciliumValues(@Parameter(description = "Cluster name") String name,
			@Parameter(hidden = true) WebRequest request);

}
