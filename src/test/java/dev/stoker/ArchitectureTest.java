package dev.stoker;

import java.net.URI;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Package by feature, and the features depend on each other in one direction only. */
class ArchitectureTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption(ArchitectureTest::notGeneratedAheadOfTime)
		.importPackages("dev.stoker");

	/**
	 * The rules are about the code we write: a build with {@code -Paot} leaves Spring's
	 * generated bean definitions ({@code Foo__BeanDefinitions}) and proxies
	 * ({@code Foo$$SpringCGLIB$$0}) among the classes, where a later run of the tests
	 * would find them.
	 */
	private static boolean notGeneratedAheadOfTime(com.tngtech.archunit.core.importer.Location location) {
		String path = location.toString();
		return !path.contains("__") && !path.contains("$$SpringCGLIB$$");
	}

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

	/**
	 * Renderers are pure functions from a validated cluster and its secrets to documents:
	 * nothing of HTTP, of access or the audit, of the serving transaction, of storage or
	 * of Spring reaches them.
	 */
	@Test
	void renderersKnowNothingOfServingAccessAuditOrStorage() {
		noClasses().that()
			.resideInAnyPackage("dev.stoker.render..", "dev.stoker.kubeadm..", "dev.stoker.butane..",
					"dev.stoker.ignition..", "dev.stoker.systemd..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.stoker.web..", "dev.stoker.access..", "dev.stoker.audit..", "dev.stoker.serving..",
					"dev.stoker.cluster..", "dev.stoker.database..", "org.springframework..", "jakarta.servlet..")
			.check(CLASSES);
	}

	/**
	 * The Cilium values are rendered as the node documents are, from the validated
	 * cluster alone; only their controller and its API description know of HTTP and
	 * storage.
	 */
	@Test
	void theCniRendererKnowsNothingOfServingAccessAuditOrStorage() {
		noClasses().that()
			.resideInAPackage("dev.stoker.cni..")
			.and()
			.haveSimpleNameNotEndingWith("Controller")
			.and()
			.haveSimpleNameNotEndingWith("Api")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.stoker.web..", "dev.stoker.access..", "dev.stoker.audit..", "dev.stoker.serving..",
					"dev.stoker.cluster..", "dev.stoker.database..", "org.springframework..", "jakarta.servlet..")
			.check(CLASSES);
	}

	/**
	 * Package-private by default: what the renderers, the kubeadm model and the secrets
	 * show other packages is what those packages use, so that their internals can change
	 * without looking beyond the package.
	 */
	@Test
	void renderKubeadmAndSecretsShowOnlyWhatOtherPackagesUse() {
		classes().that()
			.resideInAnyPackage("dev.stoker.render..", "dev.stoker.kubeadm..", "dev.stoker.secrets..")
			.and()
			.arePublic()
			.and()
			.areTopLevelClasses()
			.should(beUsedFromAnotherPackage())
			.check(CLASSES);
	}

	private static ArchCondition<JavaClass> beUsedFromAnotherPackage() {
		return new ArchCondition<>("be used from another package") {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				boolean used = type.getDirectDependenciesToSelf()
					.stream()
					.anyMatch((use) -> !use.getOriginClass().getPackageName().equals(type.getPackageName()));
				if (!used) {
					events.add(SimpleConditionEvent.violated(type, type.getName() + " is public but used only in "
							+ type.getPackageName() + ": make it package-private"));
				}
			}
		};
	}

}
