package dev.stoker.keeper;

import java.util.List;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import dev.stoker.definition.validation.FieldErrors;
import dev.stoker.definition.validation.StrictReader;
import dev.stoker.problem.InvalidRequestException;

/**
 * What a keeper reports after a run that succeeded. Read strictly; a value that is not a
 * host name or token id is refused at its pointer, never echoed.
 */
@Schema(name = "KeeperCheckInReport", description = "What a join-token keeper did")
record CheckInReport(@Schema(description = "The control plane's host name", example = "ip-10-0-1-5") String node,
		@Schema(description = "Ids of the listed tokens the cluster holds after the run") List<String> present,
		@Schema(description = "Ids of the tokens the run registered") List<String> added,
		@Schema(description = "Ids of the tokens whose expiration the run moved ahead") List<String> extended,
		@Schema(description = "Ids of the tokens the run deleted because Stoker no longer lists them") List<String> deleted) {

	private static final StrictReader<CheckInReport> READER = new StrictReader<>(CheckInReport.class,
			"must be a JSON object such as {\"node\": \"cp-1\", \"present\": [\"abcdef\"]}");

	private static final Pattern NODE = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?");

	private static final Pattern TOKEN_ID = Pattern.compile("[a-z0-9]{6}");

	/** More than any cluster lists: the current token and a few replaced ones. */
	private static final int MAX_IDS = 100;

	static CheckInReport read(JsonNode body) {
		FieldErrors problems = new FieldErrors();
		CheckInReport report = READER.read(body, problems);
		if (report != null) {
			if (report.node() == null) {
				problems.required("/node");
			}
			else if (!NODE.matcher(report.node()).matches()) {
				problems.add("/node", "must be a host name: lower-case letters, digits, '.' and '-'");
			}
			ids(report.present(), "/present", problems);
			ids(report.added(), "/added", problems);
			ids(report.extended(), "/extended", problems);
			ids(report.deleted(), "/deleted", problems);
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException("The check-in was not recorded; see errors.", problems.list());
		}
		return new CheckInReport(report.node(), orEmpty(report.present()), orEmpty(report.added()),
				orEmpty(report.extended()), orEmpty(report.deleted()));
	}

	private static void ids(List<String> ids, String pointer, FieldErrors problems) {
		if (ids == null) {
			return;
		}
		if (ids.size() > MAX_IDS) {
			problems.add(pointer, "must list at most " + MAX_IDS + " token ids");
			return;
		}
		for (int i = 0; i < ids.size(); i++) {
			if (ids.get(i) == null || !TOKEN_ID.matcher(ids.get(i)).matches()) {
				problems.add(pointer + "/" + i, "must be a token id: 6 characters of [a-z0-9]");
			}
		}
	}

	private static List<String> orEmpty(List<String> ids) {
		return (ids != null) ? List.copyOf(ids) : List.of();
	}

}
