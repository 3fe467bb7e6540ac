package dev.stoker;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Relays PostgreSQL connections from a loopback port to a server, and cuts them when the
 * test says so. {@link #cut} drops every open connection and closes new ones as soon as
 * they are accepted, as when the network to the database goes away, until
 * {@link #restore}. {@link #arm} cuts one connection at a chosen point of its
 * conversation, once: at the statement that matches, before the server receives it or
 * after the server answered it but before the client hears the answer.
 * <p>
 * To find statements, the relay reads the client's messages by the framing of the
 * frontend/backend protocol (version 3, PostgreSQL docs, "Message Formats"): after the
 * untyped startup packet, each message is a type byte and an Int32 length that counts
 * itself. The SQL text is read from a Query ('Q'), or from the Parse ('P') that prepared
 * the statement a Bind ('B') names: pgjdbc parses a statement once under a name
 * ({@code S_1}, ...) after a few executions and then sends only Binds, COMMIT included,
 * and sends BEGIN as a simple Query before the first statement of a transaction
 * ({@code QueryExecutorImpl.sendQueryPreamble}). A statement is matched on its SQL only,
 * never on its parameters or on bytes that straddle two messages.
 */
final class TcpRelay implements AutoCloseable {

	/** The startup packet's code for the protocol version 3.0. */
	private static final int PROTOCOL_3_0 = 196608;

	private static final int SSL_REQUEST = 80877103;

	private static final int GSS_ENCRYPTION_REQUEST = 80877104;

	private final ServerSocket listener;

	private final String targetHost;

	private final int targetPort;

	private final Set<Link> open = ConcurrentHashMap.newKeySet();

	private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
		Thread thread = new Thread(runnable, "tcp-relay");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean cut;

	private final AtomicReference<Armed> armed = new AtomicReference<>();

	private final AtomicReference<Statement> fired = new AtomicReference<>();

	/** Every statement since {@link #arm}, until {@link #disarm}. */
	private final List<Statement> seen = new ArrayList<>();

	private volatile boolean recording;

	TcpRelay(String targetHost, int targetPort) throws IOException {
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		threads.execute(this::accept);
	}

	/**
	 * A statement a client had the server execute, and its place in the transaction: 1
	 * for the first after BEGIN, then 2, 3, ... up to the COMMIT or ROLLBACK; 0 for BEGIN
	 * itself and for statements outside a transaction.
	 */
	record Statement(String sql, int place) {

		boolean isCommit() {
			return "COMMIT".equalsIgnoreCase(sql.strip());
		}

		@Override
		public String toString() {
			return "#" + place + " " + sql;
		}

	}

	/** Where a cut falls on the statement it is armed for. */
	enum Moment {

		/**
		 * The server never receives the statement: the transaction it belongs to is
		 * rolled back when the server sees its connection close.
		 */
		BEFORE_THE_SERVER_RECEIVES_IT,

		/**
		 * The server executes the statement and answers, and the answer is lost: after a
		 * COMMIT, the transaction is committed and the client cannot know it.
		 */
		BEFORE_THE_CLIENT_HEARS_THE_ANSWER

	}

	private record Armed(Predicate<Statement> trigger, Moment moment) {
	}

	int port() {
		return listener.getLocalPort();
	}

	void cut() {
		cut = true;
		open.forEach(Link::cut);
	}

	void restore() {
		cut = false;
	}

	/**
	 * Cuts the connection whose client next sends a statement that matches, once; other
	 * connections, and new ones, go on as before.
	 */
	void arm(Predicate<Statement> trigger, Moment moment) {
		synchronized (seen) {
			seen.clear();
		}
		fired.set(null);
		recording = true;
		armed.set(new Armed(trigger, moment));
	}

	/** Forgets a cut that has not fired, and stops recording statements. */
	void disarm() {
		armed.set(null);
		recording = false;
	}

	/** The statement the armed cut fell on, once it has. */
	Optional<Statement> fired() {
		return Optional.ofNullable(fired.get());
	}

	/** Every statement since {@link #arm}, for a test to say what it saw instead. */
	List<Statement> seen() {
		synchronized (seen) {
			return List.copyOf(seen);
		}
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
				Link link = new Link(client, new Socket(targetHost, targetPort));
				open.add(link);
				threads.execute(() -> link.fromClient());
				threads.execute(() -> link.fromServer());
			}
			catch (IOException ex) {
				// the listener was closed, or the target refused: the client sees a
				// closed connection either way
			}
		}
	}

	/**
	 * The armed cut, if this statement is the one it waits for. Only one connection wins
	 * it.
	 */
	private Optional<Moment> claim(Statement statement) {
		if (recording) {
			synchronized (seen) {
				seen.add(statement);
			}
		}
		Armed current = armed.get();
		if (current == null || !current.trigger().test(statement) || !armed.compareAndSet(current, null)) {
			return Optional.empty();
		}
		fired.set(statement);
		return Optional.of(current.moment());
	}

	/** One client connection and the relay's own connection to the server. */
	private final class Link {

		private final Socket client;

		private final Socket server;

		/** The client's named prepared statements, and their SQL. */
		private final Map<String, String> prepared = new HashMap<>();

		private String unnamed = "";

		private int place = -1;

		/**
		 * Messages of the client that the server answers with ReadyForQuery: the startup
		 * packet, each Sync and each Query.
		 */
		private int readiesDue;

		/**
		 * When the answer to a statement is to be lost: the number of the ReadyForQuery
		 * that ends it. Everything the server sends after the one before is dropped, and
		 * the link is cut when it arrives.
		 */
		private volatile int cutAtReady;

		Link(Socket client, Socket server) {
			this.client = client;
			this.server = server;
		}

		void cut() {
			closeQuietly(client);
			closeQuietly(server);
			open.remove(this);
		}

		void fromClient() {
			try (DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
					DataOutputStream out = new DataOutputStream(new BufferedOutputStream(server.getOutputStream()))) {
				startup(in, out);
				for (int type = in.read(); type >= 0; type = in.read()) {
					byte[] body = body(in);
					Optional<Moment> moment = statement((char) type, body).flatMap(TcpRelay.this::claim);
					if (moment.equals(Optional.of(Moment.BEFORE_THE_SERVER_RECEIVES_IT))) {
						cut();
						return;
					}
					if (moment.isPresent()) {
						// a Query ends with its own ReadyForQuery, a Bind with its Sync's
						cutAtReady = readiesDue + 1;
					}
					if (type == 'S' || type == 'Q') {
						readiesDue++;
					}
					forward(type, body, in, out);
				}
			}
			catch (IOException ex) {
				// cut, or closed by either side
			}
			finally {
				cut();
			}
		}

		/**
		 * Forwards the startup packet. An SSL or GSSAPI encryption request is declined
		 * here, as a server without either does (a single byte 'N'), so that the rest of
		 * the conversation stays readable; pgjdbc's default sslmode, prefer, then goes on
		 * unencrypted.
		 */
		private void startup(DataInputStream in, DataOutputStream out) throws IOException {
			while (true) {
				byte[] packet = body(in);
				int code = ByteBuffer.wrap(packet).getInt();
				if (code == SSL_REQUEST || code == GSS_ENCRYPTION_REQUEST) {
					client.getOutputStream().write('N');
					client.getOutputStream().flush();
					continue;
				}
				out.writeInt(packet.length + 4);
				out.write(packet);
				out.flush();
				// the server ends its answer to a startup packet with ReadyForQuery, and
				// answers a CancelRequest with nothing
				readiesDue = (code == PROTOCOL_3_0) ? 1 : 0;
				return;
			}
		}

		/** The statement a message has the server execute, if it is one. */
		private Optional<Statement> statement(char type, byte[] body) {
			Strings strings = new Strings(body);
			String sql = switch (type) {
				case 'Q' -> strings.next();
				case 'P' -> {
					String name = strings.next();
					String text = strings.next();
					if (name.isEmpty()) {
						unnamed = text;
					}
					else {
						prepared.put(name, text);
					}
					yield null;
				}
				case 'B' -> {
					strings.next(); // the portal
					String name = strings.next();
					yield name.isEmpty() ? unnamed : prepared.getOrDefault(name, "");
				}
				case 'C' -> {
					if (body.length > 0 && body[0] == 'S') {
						prepared.remove(new Strings(body, 1).next());
					}
					yield null;
				}
				default -> null;
			};
			if (sql == null || sql.isBlank()) {
				return Optional.empty();
			}
			String command = sql.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
			if (command.equals("BEGIN") || command.equals("START")) {
				place = 0;
				return Optional.of(new Statement(sql, 0));
			}
			if (place < 0) {
				return Optional.of(new Statement(sql, 0));
			}
			Statement statement = new Statement(sql, ++place);
			if (command.equals("COMMIT") || command.equals("ROLLBACK") || command.equals("END")) {
				place = -1;
			}
			return Optional.of(statement);
		}

		void fromServer() {
			try (DataInputStream in = new DataInputStream(new BufferedInputStream(server.getInputStream()));
					DataOutputStream out = new DataOutputStream(new BufferedOutputStream(client.getOutputStream()))) {
				int readies = 0;
				for (int type = in.read(); type >= 0; type = in.read()) {
					byte[] body = body(in);
					boolean losing = cutAtReady > 0 && readies >= cutAtReady - 1;
					if (type == 'Z') {
						readies++;
					}
					if (losing) {
						if (type == 'Z') {
							cut();
							return;
						}
						continue;
					}
					forward(type, body, in, out);
				}
			}
			catch (IOException ex) {
				// cut, or closed by either side
			}
			finally {
				cut();
			}
		}

	}

	/**
	 * Writes a message as it was read, and sends what is buffered once nothing more has
	 * arrived: a batch of messages crosses in one piece, as the client sent it.
	 */
	private static void forward(int type, byte[] body, DataInputStream in, DataOutputStream out) throws IOException {
		out.writeByte(type);
		out.writeInt(body.length + 4);
		out.write(body);
		if (in.available() == 0) {
			out.flush();
		}
	}

	/** The rest of a message whose type byte was read: its length, then its body. */
	private static byte[] body(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length < 4) {
			throw new IOException("not a PostgreSQL message: length " + length);
		}
		byte[] body = in.readNBytes(length - 4);
		if (body.length != length - 4) {
			throw new EOFException();
		}
		return body;
	}

	/** The null-terminated strings of a message body, in order. */
	private static final class Strings {

		private final byte[] body;

		private int next;

		Strings(byte[] body) {
			this(body, 0);
		}

		Strings(byte[] body, int from) {
			this.body = body;
			this.next = from;
		}

		String next() {
			int end = next;
			while (end < body.length && body[end] != 0) {
				end++;
			}
			String text = new String(body, next, end - next, StandardCharsets.UTF_8);
			next = end + 1;
			return text;
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
