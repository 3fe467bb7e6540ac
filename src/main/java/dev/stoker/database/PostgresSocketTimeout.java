package dev.stoker.database;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Gives PostgreSQL connections a socket timeout unless the operator chose one. Without
 * it, pgjdbc waits forever for the answer to a statement whose connection silently
 * dropped (no reset ever arrives): the request hangs, and a transaction holding a row
 * lock blocks every later write to that cluster. The pool's connection timeout does not
 * help there, it bounds only the wait for a connection.
 * <p>
 * 30 seconds is far above Stoker's longest statement (each is a keyed read or write of a
 * few rows, and the Flyway migrations), and above the request's own patience, so that a
 * slow but live database is never cut off. pgjdbc takes {@code socketTimeout} in seconds,
 * as a connection property or in the URL, where the operator's value wins. H2 refuses
 * settings it does not know, so nothing is added to other URLs.
 */
@Component
class PostgresSocketTimeout implements BeanPostProcessor {

	static final String PROPERTY = "socketTimeout";

	static final String SECONDS = "30";

	private static final Logger log = LoggerFactory.getLogger(PostgresSocketTimeout.class);

	/**
	 * After initialization: the pool's settings are bound by then, and Hikari opens no
	 * connection before the first is asked for.
	 */
	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && needsOne(pool.getJdbcUrl(), pool)) {
			pool.addDataSourceProperty(PROPERTY, SECONDS);
			log.info("PostgreSQL connections get a socket timeout of {} s ({} was not set)", SECONDS, PROPERTY);
		}
		return bean;
	}

	private static boolean needsOne(String url, HikariDataSource pool) {
		return url != null && url.startsWith("jdbc:postgresql:") && !url.toLowerCase().contains("sockettimeout=")
				&& pool.getDataSourceProperties().getProperty(PROPERTY) == null;
	}

}
