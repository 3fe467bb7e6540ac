package dev.stoker;

import java.net.URI;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Package by feature, and the features depend on each other in one direction only. */
class ArchitectureTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.stoker");

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("dev.stoker.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void theBuildingBlocksKnowNothingOfTheFeaturesUsingThem() {
		noClasses().that()
			.resideInAnyPackage("dev.stoker.json..", "dev.stoker.net..", "dev.stoker.platform..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.stoker.cluster..", "dev.stoker.access..", "dev.stoker.web..")
			.check(CLASSES);
	}

	@Test
	void theDocumentModelsKnowNothingOfClustersOrHttp() {
		noClasses().that()
			.resideInAnyPackage("dev.stoker.butane..", "dev.stoker.ignition..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.stoker.cluster..", "dev.stoker.access..", "dev.stoker.web..")
			.check(CLASSES);
	}

	@Test
	void butaneKnowsNothingOfTheIgnitionItBecomes() {
		noClasses().that()
			.resideInAPackage("dev.stoker.butane..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.stoker.ignition..")
			.check(CLASSES);
	}

	@Test
	void theDomainDoesNotDependOnTheHttpEdge() {
		noClasses().that()
			.resideInAnyPackage("dev.stoker.cluster..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.stoker.web..", "dev.stoker.access..")
			.check(CLASSES);
	}

	@Test
	void theHttpEdgeServesEveryFeatureWithoutKnowingThem() {
		noClasses().that()
			.resideInAnyPackage("dev.stoker.web..", "dev.stoker.access..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.stoker.cluster..")
			.check(CLASSES);
	}

	/**
	 * Clusters use their secrets, not the other way round: the secrets know a cluster by
	 * its name and row id only, and nothing of definitions or the HTTP edge.
	 */
	@Test
	void secretsKnowNothingOfClusterDefinitionsOrTheHttpEdge() {
		noClasses().that()
			.resideInAnyPackage("dev.stoker.secrets..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.stoker.cluster..", "dev.stoker.web..", "dev.stoker.access..")
			.check(CLASSES);
	}

	/**
	 * Problem types come from the catalog: a type URI minted anywhere else would be one
	 * the API reference does not list.
	 */
	@Test
	void onlyTheProblemCatalogNamesProblemTypes() {
		noClasses().that()
			.resideOutsideOfPackage("dev.stoker.problem..")
			.should()
			.callMethod(ProblemDetail.class, "setType", URI.class)
			.check(CLASSES);
	}

}
