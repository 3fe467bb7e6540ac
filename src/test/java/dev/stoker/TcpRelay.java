package dev.stoker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Relays TCP connections from a loopback port to a server, until the test cuts it: then
 * every open connection is dropped and new ones are closed as soon as they are accepted,
 * as when the network to a database goes away. {@link #restore} lets connections through
 * again.
 */
final class TcpRelay implements AutoCloseable {

	private final ServerSocket listener;

	private final String targetHost;

	private final int targetPort;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
		Thread thread = new Thread(runnable, "tcp-relay");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean cut;

	TcpRelay(String targetHost, int targetPort) throws IOException {
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		threads.execute(this::accept);
	}

	int port() {
		return listener.getLocalPort();
	}

	void cut() {
		cut = true;
		open.forEach(TcpRelay::closeQuietly);
		open.clear();
	}

	void restore() {
		cut = false;
	}

	@Override
	public void close() {
		closeQuietly(listener);
		cut();
		threads.shutdownNow();
	}

	private void accept() {
		while (!listener.isClosed()) {
			try {
				Socket client = listener.accept();
				if (cut) {
					closeQuietly(client);
					continue;
				}
				Socket server = new Socket(targetHost, targetPort);
				open.add(client);
				open.add(server);
				threads.execute(() -> pump(client, server));
				threads.execute(() -> pump(server, client));
			}
			catch (IOException ex) {
				// the listener was closed, or the target refused: the client sees a
				// closed connection either way
			}
		}
	}

	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[8192];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (SocketException ex) {
			// cut, or closed by the other side
		}
		catch (IOException ex) {
			// likewise
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
			open.remove(from);
			open.remove(to);
		}
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// already closed
		}
	}

}
