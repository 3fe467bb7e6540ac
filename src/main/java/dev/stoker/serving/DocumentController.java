package dev.stoker.serving;

import java.net.URI;
import java.util.Base64;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.stoker.StokerProperties;
import dev.stoker.access.Credential;
import dev.stoker.audit.Requester;
import dev.stoker.ignition.IgnitionJson;
import dev.stoker.json.YamlMediaTypes;
import dev.stoker.serving.DocumentTarget.Group;
import dev.stoker.serving.DocumentTarget.Node;

/**
 * The documents a node boots with. They hold secrets: never cached, and every answer is
 * audited. Never a redirect (Ignition drops its headers on one).
 * <p>
 * A plain GET of a butane, ignition or kubeadm document is answered by
 * {@link DocumentServingFilter} before it gets here, with the same
 * {@link DocumentAnswer}; these mappings describe those routes, and answer HEAD and
 * whatever GET the filter passes on (an Accept header to negotiate, a Content-Type to
 * check).
 */
@RestController
@RequestMapping(DocumentRoutes.CLUSTER)
class DocumentController implements DocumentApi {

	private static final String YAML = YamlMediaTypes.APPLICATION_YAML;

	private final NodeDocuments documents;

	private final URI publicUrl;

	private final boolean allowLoopback;

	DocumentController(NodeDocuments documents, StokerProperties properties) {
		this.documents = documents;
		this.publicUrl = properties.publicUrl();
		this.allowLoopback = properties.userData().allowLoopback();
	}

	@Override
	@GetMapping(path = DocumentRoutes.GROUP + DocumentRoutes.KUBEADM, produces = YAML)
	public ResponseEntity<String> kubeadm(@PathVariable String name, @PathVariable String group, Credential credential,
			Requester requester) {
		return serve(name, new Group(group), DocumentFormat.KUBEADM, credential, requester);
	}

	@Override
	@GetMapping(path = DocumentRoutes.GROUP + DocumentRoutes.BUTANE, produces = YAML)
	public ResponseEntity<String> groupButane(@PathVariable String name, @PathVariable String group,
			Credential credential, Requester requester) {
		return serve(name, new Group(group), DocumentFormat.BUTANE, credential, requester);
	}

	@Override
	@GetMapping(path = DocumentRoutes.GROUP + DocumentRoutes.IGNITION, produces = IgnitionJson.MEDIA_TYPE)
	public ResponseEntity<String> groupIgnition(@PathVariable String name, @PathVariable String group,
			Credential credential, Requester requester) {
		return serve(name, new Group(group), DocumentFormat.IGNITION, credential, requester);
	}

	@Override
	@GetMapping(path = DocumentRoutes.NODE + DocumentRoutes.BUTANE, produces = YAML)
	public ResponseEntity<String> nodeButane(@PathVariable String name, @PathVariable String node,
			Credential credential, Requester requester) {
		return serve(name, new Node(node), DocumentFormat.BUTANE, credential, requester);
	}

	@Override
	@GetMapping(path = DocumentRoutes.NODE + DocumentRoutes.IGNITION, produces = IgnitionJson.MEDIA_TYPE)
	public ResponseEntity<String> nodeIgnition(@PathVariable String name, @PathVariable String node,
			Credential credential, Requester requester) {
		return serve(name, new Node(node), DocumentFormat.IGNITION, credential, requester);
	}

	@Override
	@GetMapping(path = DocumentRoutes.GROUP + DocumentRoutes.USER_DATA, produces = { "application/json", "text/plain" })
	public ResponseEntity<String> groupUserData(@PathVariable String name, @PathVariable String group,
			@RequestParam(defaultValue = "false") boolean verify, @RequestParam(defaultValue = "json") String encoding,
			Requester requester) {
		return userData(name, new Group(group), verify, encoding, requester);
	}

	@Override
	@GetMapping(path = DocumentRoutes.NODE + DocumentRoutes.USER_DATA, produces = { "application/json", "text/plain" })
	public ResponseEntity<String> nodeUserData(@PathVariable String name, @PathVariable String node,
			@RequestParam(defaultValue = "false") boolean verify, @RequestParam(defaultValue = "json") String encoding,
			Requester requester) {
		return userData(name, new Node(node), verify, encoding, requester);
	}

	private ResponseEntity<String> serve(String cluster, DocumentTarget target, DocumentFormat format,
			Credential credential, Requester requester) {
		ServedDocument document = documents.document(cluster, target, format, credential, requester, base());
		DocumentAnswer answer = DocumentAnswer.of(format, document);
		return secret(answer.mediaType(), document.body(), answer.body().length, answer.warnings());
	}

	private ResponseEntity<String> userData(String cluster, DocumentTarget target, boolean verify, String encodingName,
			Requester requester) {
		UserDataEncoding encoding = UserDataEncoding.fromParameter(encodingName);
		URI base = base();
		if (!allowLoopback && LoopbackHost.isLoopback(base)) {
			throw new LoopbackPointerException(publicUrl != null);
		}
		ServedDocument pointer = documents.userData(cluster, target, base, verify, requester);
		byte[] json = pointer.utf8();
		if (encoding == UserDataEncoding.BASE64) {
			return secret("text/plain", Base64.getEncoder().encodeToString(json), json.length, pointer.warnings());
		}
		return secret(DocumentFormat.USER_DATA.mediaType(), pointer.body(), json.length, pointer.warnings());
	}

	/**
	 * Where nodes reach Stoker: {@code stoker.public-url}, or else the URL this request
	 * came to.
	 */
	private URI base() {
		return (publicUrl != null) ? publicUrl : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUri();
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
