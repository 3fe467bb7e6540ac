package dev.stoker.keeper;

import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import dev.stoker.audit.Requester;

/**
 * The join-token list and the keepers' check-ins. The list holds secrets: never cached,
 * and every answer is audited. A keeper asks for text/plain (one token a line, which bash
 * reads without a JSON parser); everyone else gets JSON.
 */
@RestController
@RequestMapping(JoinTokenRoutes.LIST)
class JoinTokenController implements JoinTokenApi {

	private final JoinTokenList list;

	JoinTokenController(JoinTokenList list) {
		this.list = list;
	}

	@Override
	@GetMapping(produces = { "application/json", "text/plain" })
	public ResponseEntity<Object> joinTokens(@PathVariable String name,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, Requester requester) {
		JoinTokenAnswer answer = list.list(name, requester);
		ResponseEntity.BodyBuilder response = ResponseEntity.ok().cacheControl(CacheControl.noStore());
		if (prefersText(accept)) {
			return response.contentType(MediaType.TEXT_PLAIN).body(answer.lines());
		}
		return response.contentType(MediaType.APPLICATION_JSON).body(answer);
	}

	@Override
	@PostMapping(path = JoinTokenRoutes.CHECK_INS, consumes = "application/json")
	public ResponseEntity<Void> checkIn(@PathVariable String name, @RequestBody JsonNode body, Requester requester) {
		list.checkIn(name, CheckInReport.read(body), requester);
		return ResponseEntity.noContent().build();
	}

	/**
	 * Whether the first acceptable type, by quality, that is one of the two is text/plain
	 * ({@code *}{@code /*} and no header mean JSON).
	 */
	static boolean prefersText(String accept) {
		if (accept == null || accept.isBlank()) {
			return false;
		}
		List<MediaType> types = MediaType.parseMediaTypes(accept)
			.stream()
			.filter((type) -> type.getQualityValue() > 0)
			.sorted((a, b) -> Double.compare(b.getQualityValue(), a.getQualityValue()))
			.toList();
		for (MediaType type : types) {
			if (type.includes(MediaType.APPLICATION_JSON)) {
				return false;
			}
			if (type.includes(MediaType.TEXT_PLAIN)) {
				return true;
			}
		}
		return false;
	}

}
