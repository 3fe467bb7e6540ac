package dev.stoker.audit;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source that counts how its prepared statements are executed: as JDBC batches
 * (one round trip each on PostgreSQL) or one by one.
 */
final class StatementCounting {

	private StatementCounting() {
	}

	static DataSource wrap(DataSource target, AtomicInteger batches, AtomicInteger single) {
		return new DelegatingDataSource(target) {

			@Override
			public Connection getConnection() throws java.sql.SQLException {
				Connection connection = super.getConnection();
				return proxy(Connection.class, connection, (method, args, result) -> {
					if (result instanceof PreparedStatement statement) {
						return proxy(PreparedStatement.class, statement, (called, calledArgs, outcome) -> {
							switch (called.getName()) {
								case "executeBatch" -> batches.incrementAndGet();
								case "execute", "executeUpdate", "executeQuery" -> single.incrementAndGet();
								default -> {
								}
							}
							return outcome;
						});
					}
					return result;
				});
			}

		};
	}

	private interface After {

		Object apply(java.lang.reflect.Method method, Object[] args, Object result);

	}

	private static <T> T proxy(Class<T> type, T target, After after) {
		InvocationHandler handler = (proxy, method, args) -> {
			try {
				return after.apply(method, args, method.invoke(target, args));
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		};
		return type
			.cast(Proxy.newProxyInstance(StatementCounting.class.getClassLoader(), new Class<?>[] { type }, handler));
	}

}
