package dev.stoker.cluster;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import dev.stoker.cluster.validation.ClusterValidator;
import dev.stoker.cluster.validation.FieldError;
import dev.stoker.cluster.validation.InvalidDefinitionException;
import dev.stoker.secrets.ClusterSecrets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates, replaces and deletes cluster definitions: validation first, then the revision
 * check.
 */
@Service
public class ClusterService {

	private final ClusterRepository repository;

	private final ClusterSecrets secrets;

	private final TransactionOperations transactions;

	private final ClusterValidator validator = new ClusterValidator();

	private final Clock clock;

	public ClusterService(ClusterRepository repository, ClusterSecrets secrets, TransactionOperations transactions,
			Clock clock) {
		this.repository = repository;
		this.secrets = secrets;
		this.transactions = transactions;
		this.clock = clock;
	}

	public StoredCluster get(String name) {
		return repository.find(name).orElseThrow(() -> new ClusterNotFoundException(name));
	}

	public List<StoredCluster> list() {
		return repository.findAll();
	}

	/**
	 * Stores a new cluster with its generated secrets in one transaction: a cluster whose
	 * secrets cannot be stored is not created.
	 */
	public StoredCluster create(JsonNode body) {
		ClusterDefinition definition = validator.validate(body);
		return transactions.execute((status) -> {
			StoredCluster created = repository.insert(definition, now());
			secrets.create(created.name());
			return created;
		});
	}

	/**
	 * Replaces a definition. The body may leave the name out (it is the one in the URL)
	 * but not change it. A write that loses a race with another one is judged again on
	 * the newer revision, as if it had come second: without a precondition it is applied,
	 * and with one it is applied only if If-Match names the newer revision too.
	 */
	public StoredCluster replace(String name, JsonNode body, Revisions precondition) {
		if (body instanceof ObjectNode object && !object.has("name")) {
			object.put("name", name);
		}
		ClusterDefinition definition = validator.validate(body);
		if (!definition.name().equals(name)) {
			throw new InvalidDefinitionException(List.of(new FieldError("/name",
					"must be " + name + ", the cluster in the URL: a cluster cannot be renamed")));
		}
		while (true) {
			StoredCluster current = get(name);
			if (!precondition.matches(current.revision())) {
				throw new RevisionMismatchException(name, current.revision());
			}
			Optional<StoredCluster> replaced = repository.replace(definition, current.revision(), now());
			if (replaced.isPresent()) {
				return replaced.get();
			}
			// Lost a race: look again, as if this write had come second. The precondition
			// decides
			// whether the newer revision may be overwritten.
		}
	}

	/**
	 * Deletes a cluster; one that loses a race is judged again on the newer revision, as
	 * a replace is.
	 */
	public void delete(String name, Revisions precondition) {
		while (true) {
			StoredCluster current = get(name);
			if (!precondition.matches(current.revision())) {
				throw new RevisionMismatchException(name, current.revision());
			}
			if (repository.delete(name, current.revision())) {
				return;
			}
		}
	}

	/**
	 * Microseconds: the finest both H2 and PostgreSQL store, so an answered timestamp
	 * reads back equal.
	 */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
