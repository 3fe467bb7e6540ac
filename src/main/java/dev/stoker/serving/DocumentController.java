package dev.stoker.serving;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.stoker.StokerProperties;
import dev.stoker.access.Credential;
import dev.stoker.audit.Requester;
import dev.stoker.ignition.IgnitionJson;
import dev.stoker.serving.NodeDocuments.Group;
import dev.stoker.serving.NodeDocuments.Node;
import dev.stoker.serving.NodeDocuments.Target;

/**
 * The documents a node boots with. They hold secrets: never cached, and every answer is
 * audited. Never a redirect (Ignition drops its headers on one).
 */
@RestController
@RequestMapping("/api/v1/clusters/{name}")
@Tag(name = "Documents", description = "What a node boots with, rendered from its cluster's definition and secrets")
@SecurityRequirement(name = "admin")
@SecurityRequirement(name = "fetchToken")
@ApiResponse(responseCode = "401", description = "No credential, or not a current one",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403",
		description = "A fetch token of another node group, whether or not the document exists",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503",
		description = "Transient (the database, or the audit row could not be written); retry after Retry-After",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDetail.class)))
class DocumentController {

	/**
	 * Answers the size of every document, so an operator sees at once whether it fits
	 * EC2.
	 */
	static final String DOCUMENT_SIZE = "Stoker-Document-Size";

	/**
	 * What will fail for the node that boots with this document, one header per problem.
	 */
	static final String WARNING = "Stoker-Warning";

	private final NodeDocuments documents;

	private final URI publicUrl;

	DocumentController(NodeDocuments documents, StokerProperties properties) {
		this.documents = documents;
		this.publicUrl = properties.publicUrl();
	}

	@GetMapping(path = "/node-groups/{group}/kubeadm", produces = "application/yaml")
	@Operation(operationId = "getKubeadmConfig", summary = "A node group's kubeadm config",
			description = "/etc/kubeadm.yml as the node receives it, before the host substitutes its Afterburn address variables. Holds the bootstrap token (and on control planes the certificate key).")
	@ApiResponse(responseCode = "200", description = "The kubeadm config, one YAML document per kubeadm kind",
			headers = @Header(name = WARNING, description = "When a join will fail; what to run"))
	@ApiResponse(responseCode = "404",
			description = "No such cluster or node group, or the group's machines are static nodes (admin only)",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<String> kubeadm(@Parameter(description = "Cluster name") @PathVariable String name,
			@Parameter(description = "Node group name") @PathVariable String group,
			@Parameter(hidden = true) @RequestAttribute(Credential.ATTRIBUTE) Credential credential,
			@Parameter(hidden = true) @RequestAttribute(Requester.ATTRIBUTE) Requester requester) {
		return serve(name, new Group(group), DocumentFormat.KUBEADM, credential, requester);
	}

	@GetMapping(path = "/node-groups/{group}/butane", produces = "application/yaml")
	@Operation(operationId = "getGroupButane", summary = "A node group's Butane config",
			description = "The Butane (flatcar variant) every machine of the group boots with; it transpiles to exactly the group's Ignition.")
	@ApiResponse(responseCode = "200", description = "Butane YAML",
			headers = @Header(name = WARNING, description = "When a join will fail; what to run"))
	@ApiResponse(responseCode = "404",
			description = "No such cluster or node group, or the group's machines are static nodes (admin only)",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<String> groupButane(@Parameter(description = "Cluster name") @PathVariable String name,
			@Parameter(description = "Node group name") @PathVariable String group,
			@Parameter(hidden = true) @RequestAttribute(Credential.ATTRIBUTE) Credential credential,
			@Parameter(hidden = true) @RequestAttribute(Requester.ATTRIBUTE) Requester requester) {
		return serve(name, new Group(group), DocumentFormat.BUTANE, credential, requester);
	}

	@GetMapping(path = "/node-groups/{group}/ignition", produces = IgnitionJson.MEDIA_TYPE)
	@Operation(operationId = "getGroupIgnition", summary = "A node group's Ignition config",
			description = "What a machine of the group fetches at first boot through its user-data pointer (or what goes into its user data whole).")
	@ApiResponse(responseCode = "200", description = "Ignition JSON",
			headers = { @Header(name = DOCUMENT_SIZE, description = "Bytes; EC2 user data takes at most 16384"),
					@Header(name = WARNING,
							description = "When a join will fail, or the document is over EC2's limit") })
	@ApiResponse(responseCode = "404",
			description = "No such cluster or node group, or the group's machines are static nodes (admin only)",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<String> groupIgnition(@Parameter(description = "Cluster name") @PathVariable String name,
			@Parameter(description = "Node group name") @PathVariable String group,
			@Parameter(hidden = true) @RequestAttribute(Credential.ATTRIBUTE) Credential credential,
			@Parameter(hidden = true) @RequestAttribute(Requester.ATTRIBUTE) Requester requester) {
		return serve(name, new Group(group), DocumentFormat.IGNITION, credential, requester);
	}

	@GetMapping(path = "/nodes/{node}/butane", produces = "application/yaml")
	@Operation(operationId = "getNodeButane", summary = "A static node's Butane config",
			description = "Its addresses and hostname filled in; it needs no metadata service.")
	@ApiResponse(responseCode = "200", description = "Butane YAML")
	@ApiResponse(responseCode = "404", description = "No such cluster or node (admin only)",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<String> nodeButane(@Parameter(description = "Cluster name") @PathVariable String name,
			@Parameter(description = "Static node name") @PathVariable String node,
			@Parameter(hidden = true) @RequestAttribute(Credential.ATTRIBUTE) Credential credential,
			@Parameter(hidden = true) @RequestAttribute(Requester.ATTRIBUTE) Requester requester) {
		return serve(name, new Node(node), DocumentFormat.BUTANE, credential, requester);
	}

	@GetMapping(path = "/nodes/{node}/ignition", produces = IgnitionJson.MEDIA_TYPE)
	@Operation(operationId = "getNodeIgnition", summary = "A static node's Ignition config")
	@ApiResponse(responseCode = "200", description = "Ignition JSON",
			headers = { @Header(name = DOCUMENT_SIZE, description = "Bytes"),
					@Header(name = WARNING, description = "When a join will fail") })
	@ApiResponse(responseCode = "404", description = "No such cluster or node (admin only)",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<String> nodeIgnition(@Parameter(description = "Cluster name") @PathVariable String name,
			@Parameter(description = "Static node name") @PathVariable String node,
			@Parameter(hidden = true) @RequestAttribute(Credential.ATTRIBUTE) Credential credential,
			@Parameter(hidden = true) @RequestAttribute(Requester.ATTRIBUTE) Requester requester) {
		return serve(name, new Node(node), DocumentFormat.IGNITION, credential, requester);
	}

	@GetMapping(path = "/node-groups/{group}/user-data", produces = { "application/json", "text/plain" })
	@Operation(operationId = "getGroupUserData", summary = "A node group's user-data pointer (admin only)",
			description = "A small Ignition config (spec 3.3.0) for EC2 user data and launch templates: it makes the machine fetch "
					+ "the group's Ignition from Stoker with the group's fetch token. With verify=true it pins the sha512 of the "
					+ "document served now, so any later change to the cluster (a PUT, a rotation) breaks the pointer until it "
					+ "is fetched again.")
	@ApiResponse(responseCode = "200",
			description = "The pointer: Ignition JSON, or with encoding=base64 its base64 text (what a launch template's UserData takes)",
			headers = { @Header(name = DOCUMENT_SIZE, description = "Bytes of the JSON"),
					@Header(name = WARNING, description = "When the pointer fetches over plain http") })
	@ApiResponse(responseCode = "404", description = "No such cluster or node group",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "422", description = "The pointer would be over EC2's 16384 bytes",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<String> groupUserData(@Parameter(description = "Cluster name") @PathVariable String name,
			@Parameter(description = "Node group name") @PathVariable String group,
			@Parameter(description = "Pin the sha512 of the Ignition served now") @RequestParam(
					defaultValue = "false") boolean verify,
			@Parameter(description = "json, or base64 for a launch template's UserData",
					schema = @Schema(allowableValues = { "json", "base64" })) @RequestParam(
							defaultValue = "json") String encoding,
			@Parameter(hidden = true) @RequestAttribute(Requester.ATTRIBUTE) Requester requester) {
		return userData(name, new Group(group), verify, encoding, requester);
	}

	@GetMapping(path = "/nodes/{node}/user-data", produces = { "application/json", "text/plain" })
	@Operation(operationId = "getNodeUserData", summary = "A static node's user-data pointer (admin only)",
			description = "As for a node group, fetching the node's own Ignition with its group's fetch token.")
	@ApiResponse(responseCode = "200", description = "The pointer, as JSON or base64 text",
			headers = @Header(name = DOCUMENT_SIZE, description = "Bytes of the JSON"))
	@ApiResponse(responseCode = "404", description = "No such cluster or node",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "422", description = "The pointer would be over EC2's 16384 bytes",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<String> nodeUserData(@Parameter(description = "Cluster name") @PathVariable String name,
			@Parameter(description = "Static node name") @PathVariable String node,
			@Parameter(description = "Pin the sha512 of the Ignition served now") @RequestParam(
					defaultValue = "false") boolean verify,
			@Parameter(description = "json, or base64 for a launch template's UserData",
					schema = @Schema(allowableValues = { "json", "base64" })) @RequestParam(
							defaultValue = "json") String encoding,
			@Parameter(hidden = true) @RequestAttribute(Requester.ATTRIBUTE) Requester requester) {
		return userData(name, new Node(node), verify, encoding, requester);
	}

	private ResponseEntity<String> serve(String cluster, Target target, DocumentFormat format, Credential credential,
			Requester requester) {
		ServedDocument document = documents.document(cluster, target, format, credential, requester);
		List<String> warnings = new ArrayList<>(document.warnings());
		int size = document.body().getBytes(StandardCharsets.UTF_8).length;
		if (format == DocumentFormat.IGNITION && size > UserDataPointer.EC2_LIMIT) {
			warnings
				.add("The document is " + size + " bytes, over EC2's user-data limit of " + UserDataPointer.EC2_LIMIT
						+ " bytes: put the user-data pointer (GET .../user-data) in user data instead.");
		}
		return secret(format.mediaType(), document.body(), size, warnings);
	}

	private ResponseEntity<String> userData(String cluster, Target target, boolean verify, String encodingName,
			Requester requester) {
		UserDataEncoding encoding = UserDataEncoding.fromParameter(encodingName);
		URI base = (publicUrl != null) ? publicUrl
				: ServletUriComponentsBuilder.fromCurrentContextPath().build().toUri();
		ServedDocument pointer = documents.userData(cluster, target, base, verify, requester);
		byte[] json = pointer.body().getBytes(StandardCharsets.UTF_8);
		if (encoding == UserDataEncoding.BASE64) {
			return secret("text/plain", Base64.getEncoder().encodeToString(json), json.length, pointer.warnings());
		}
		return secret(DocumentFormat.USER_DATA.mediaType(), pointer.body(), json.length, pointer.warnings());
	}

	/** Documents hold secrets: never cached anywhere. */
	private static ResponseEntity<String> secret(String mediaType, String body, int size, List<String> warnings) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header("Content-Type", mediaType)
			.header(DOCUMENT_SIZE, Integer.toString(size))
			.header(WARNING, warnings.toArray(String[]::new))
			.body(body);
	}

}
