package dev.stoker;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

import dev.stoker.secrets.SpiedSecretsRepository;

/**
 * The whole application, started once per test JVM and shared by every test class that
 * carries this annotation: they all declare the same configuration, so Spring's test
 * context cache starts the application for the first of them and hands it to the others.
 * <p>
 * It is the application as a first start leaves it, as an operator would run it from the
 * README to try it on one machine: the embedded database, pointers to its loopback
 * address allowed, and an admin token and master key generated into a data directory of
 * the test run's own (see {@link SharedApplicationSetup}). It listens on a random port,
 * for tests that speak HTTP, and offers MockMvc. Its clock is a {@link MutableClock}, for
 * tests that move time.
 * <p>
 * Test classes must not depend on each other's data: before each class, every cluster
 * (with its secrets and fetch tokens) and every audit row is deleted, and the clock
 * follows the system clock again. Within a class, tests share what they store. A class
 * that needs anything else (another property, a bean of its own, an extra
 * {@code @DynamicPropertySource}) starts an application of its own: it says why in its
 * comment.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ContextConfiguration(initializers = SharedApplicationSetup.SharedDataDirectory.class)
@Import(SharedApplicationSetup.MovableTime.class)
@SpiedSecretsRepository
@TestExecutionListeners(listeners = SharedApplicationSetup.FreshStart.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
public @interface SharedApplication {

}
