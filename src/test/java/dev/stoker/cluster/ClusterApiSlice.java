package dev.stoker.cluster;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;
import org.springframework.test.context.TestPropertySource;

import dev.stoker.access.AdminToken;

/**
 * The cluster API through the real MVC stack, over hand-written fakes: an in-memory
 * store, no secrets, a fixed clock, and a body limit of 4 KiB. Every test class carrying
 * this annotation declares the same configuration, so they share one slice context;
 * before each class the store is emptied and reachable (see {@link ClusterApiFakes}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(ClusterController.class)
@Import({ ClusterService.class, AdminToken.class, ClusterApiFakes.class, InMemoryClusterRepository.class })
// the data directory is only checked for being writable (WritableDataDirectory), in the
// build directory rather than the working one
@TestPropertySource(properties = { "stoker.admin.token=" + ClusterApiSlice.TOKEN, "stoker.max-request-size=4KB",
		"stoker.data-dir=target/test-data/cluster-api-slice" })
@TestExecutionListeners(listeners = ClusterApiFakes.FreshStore.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
public @interface ClusterApiSlice {

	/** The admin bearer token the slice accepts. */
	String TOKEN = "test-admin-token-0123456789";

}
