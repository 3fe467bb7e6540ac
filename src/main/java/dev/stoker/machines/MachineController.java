package dev.stoker.machines;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import dev.stoker.access.AccessDeniedException;
import dev.stoker.access.Credential;
import dev.stoker.audit.Requester;
import dev.stoker.problem.ProblemException;
import dev.stoker.problem.ProblemType;

/**
 * Machines' reports and the admin's listing of them. A report is rate-limited before it
 * is read, and read strictly before anything is written.
 */
@RestController
@RequestMapping(MachineRoutes.LIST)
class MachineController implements MachineApi {

	/** A report is a few hundred bytes, a failure's journal at most 16 KiB in base64. */
	static final long MAX_REPORT = 64 * 1024;

	private final Machines machines;

	private final ReportRateLimit rateLimit;

	MachineController(Machines machines, ReportRateLimit rateLimit) {
		this.machines = machines;
		this.rateLimit = rateLimit;
	}

	@Override
	@GetMapping(produces = "application/json")
	public ResponseEntity<MachineList> machines(@PathVariable String name) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(machines.list(name));
	}

	@Override
	@PostMapping(path = MachineRoutes.REPORTS, consumes = "application/json")
	public ResponseEntity<Void> report(@PathVariable String name,
			@RequestHeader(name = HttpHeaders.CONTENT_LENGTH, required = false) Long contentLength,
			@RequestBody JsonNode body, Credential credential, Requester requester) {
		// the admin token opens every path, but a report is filed under the credential's
		// group: only a report credential has one
		if (!(credential instanceof Credential.Report report)) {
			throw new AccessDeniedException();
		}
		if (contentLength != null && contentLength > MAX_REPORT) {
			throw new ProblemException(ProblemType.BODY_TOO_LARGE,
					"A report is at most 64 KiB: send the last 50 lines of the journal, not more.");
		}
		rateLimit.take(report.holder().tokenId());
		machines.report(name, report.holder().group(), MachineReport.read(body), requester);
		return ResponseEntity.noContent().build();
	}

}
