package dev.stoker;

import java.lang.reflect.Modifier;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One suffix for every test class, so that a reader finds them by name and the build's
 * test runner, which picks classes by name, runs them all.
 */
class TestClassNameTest {

	@Test
	void everyTestClassEndsInTest() {
		List<String> testClasses = ReflectionSupport
			.findAllClassesInPackage("dev.stoker", TestClassNameTest::runByJUnit, (name) -> true)
			.stream()
			.map(Class::getSimpleName)
			.toList();

		assertThat(testClasses).as("test classes").contains("TestClassNameTest", "H2ClusterRepositoryTest");
		assertThat(testClasses).as("test classes not named *Test")
			.filteredOn((name) -> !name.endsWith("Test"))
			.isEmpty();
	}

	/**
	 * A class JUnit runs: concrete and top-level (a nested class runs with its outer
	 * one), with a test method of its own or one inherited from a contract. Test methods
	 * are those JUnit's and jqwik's annotations mark {@link Testable}.
	 */
	private static boolean runByJUnit(Class<?> type) {
		return type.getEnclosingClass() == null && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())
				&& !ReflectionSupport
					.findMethods(type, (method) -> AnnotationSupport.isAnnotated(method, Testable.class),
							HierarchyTraversalMode.TOP_DOWN)
					.isEmpty();
	}

}
