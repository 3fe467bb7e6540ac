package dev.stoker.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Gives the pool of an embedded H2 database its {@link ClosedStore}, so that it recovers
 * by itself once H2 can write its file again (space freed on a full disk). Not for an H2
 * server ({@code tcp:}, {@code ssl:}), whose file another process holds, nor an in-memory
 * one, which has no file; never for PostgreSQL. An exception override the operator set
 * ({@code spring.datasource.hikari.exception-override-class-name}) is kept.
 */
@Component
class ClosedStoreEviction implements BeanPostProcessor {

	/**
	 * After initialization: the pool's settings are bound by then, and Hikari opens no
	 * connection (and takes no more settings) before the first is asked for.
	 */
	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && isEmbedded(pool.getJdbcUrl())
				&& pool.getExceptionOverride() == null && pool.getExceptionOverrideClassName() == null) {
			pool.setExceptionOverride(new ClosedStore(pool));
		}
		return bean;
	}

	/** An H2 database in this process, kept in files. */
	static boolean isEmbedded(String url) {
		return url != null && url.startsWith("jdbc:h2:") && !(url.startsWith("jdbc:h2:mem:")
				|| url.startsWith("jdbc:h2:tcp:") || url.startsWith("jdbc:h2:ssl:"));
	}

}
