package dev.stoker.secrets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The application's {@link ClusterSecretsRepository} wrapped in a Mockito spy: the real
 * repository until a test tells it to fail (ClusterCreationContract does), reset after
 * each test. Part of the shared application setups rather than declared by the one test
 * that stubs it: a bean override of a class's own would give that class an application
 * context of its own. Declared here because the repository is package-private.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@MockitoSpyBean(types = ClusterSecretsRepository.class)
public @interface SpiedSecretsRepository {

}
