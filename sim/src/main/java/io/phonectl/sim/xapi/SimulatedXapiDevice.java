package io.phonectl.sim.xapi;

import io.phonectl.xapi.schema.Role;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import io.phonectl.xapi.path.XPath;
import tools.jackson.databind.JsonNode;

/**
 * One simulated RoomOS or PhoneOS device: its own Jetty server and port, {@code /ws} (RoomOS only), {@code /getxml},
 * {@code /putxml}, HttpFeedback posting, and a boot cycle (Shutdown event, connections dropped, listener closed for
 * the downtime, state reset, Not Ready window, BootEvent).
 */
public final class SimulatedXapiDevice implements AutoCloseable {
    /** Jetty's default is 64 KiB; full Status documents and screenshots are larger (notes §4.10). */
    static final long MAX_MESSAGE = 8L * 1024 * 1024;

    private final XapiSimConfig config;
    private final int index;
    private final DeviceState state;
    private final ScheduledExecutorService scheduler;
    private final Set<WsSession> sessions = ConcurrentHashMap.newKeySet();
    private final HttpFeedbackPoster poster;
    private final TerminalFront terminal;
    private final AtomicBoolean rebooting = new AtomicBoolean();
    private final Server server;
    private final ServerConnector connector;
    private volatile long readyAtNanos;
    private volatile int bootCount;

    SimulatedXapiDevice(XapiSimConfig config, int index, ScheduledExecutorService scheduler) {
        this.config = config;
        this.index = index;
        this.scheduler = scheduler;
        this.state = new DeviceState(config.product());
        this.poster = new HttpFeedbackPoster(state);
        this.terminal = new TerminalFront(this);
        // virtual threads: thousands of devices must not cost thousands of platform threads
        VirtualThreadPool pool = new VirtualThreadPool();
        pool.setName("xapi-sim-" + index);
        this.server = new Server(pool);
        this.connector = config.tls() == null ? new ServerConnector(server, 1, 1) : tlsConnector(server, config.tls());
        java.net.InetSocketAddress at = config.addressOf(index);
        connector.setHost(at.getAddress().getHostAddress());
        connector.setPort(at.getPort());
        server.addConnector(connector);
        Handler http = new HttpApi(this);
        if (config.product().webSocket()) {
            WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server, container -> {
                container.setMaxTextMessageSize(MAX_MESSAGE);
                container.setIdleTimeout(Duration.ofMinutes(10));
                container.addMapping("/ws", this::upgrade);
            });
            ws.setHandler(http);
            server.setHandler(ws);
        } else {
            server.setHandler(http);
        }
    }

    private static ServerConnector tlsConnector(Server server, XapiSimConfig.Tls tls) {
        org.eclipse.jetty.util.ssl.SslContextFactory.Server ssl = new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
        ssl.setKeyStore(tls.keyStore());
        ssl.setKeyStorePassword(tls.password());
        org.eclipse.jetty.server.HttpConfiguration http = new org.eclipse.jetty.server.HttpConfiguration();
        http.addCustomizer(new org.eclipse.jetty.server.SecureRequestCustomizer(false)); // devices have IP-named certs
        return new ServerConnector(server, null, null, null, 1, 1,
                new org.eclipse.jetty.server.SslConnectionFactory(ssl, "http/1.1"),
                new org.eclipse.jetty.server.HttpConnectionFactory(http));
    }

    void start() throws Exception {
        server.start();
        connector.setPort(connector.getLocalPort()); // a restart after Boot reuses the same port
        state.addListener(poster);
        markBooted();
    }

    private Object upgrade(org.eclipse.jetty.websocket.server.ServerUpgradeRequest req,
                           org.eclipse.jetty.websocket.server.ServerUpgradeResponse resp,
                           org.eclipse.jetty.util.Callback cb) {
        String sub = Credentials.authSubprotocol(req.getSubProtocols());
        String[] cred = sub != null ? Credentials.fromSubprotocol(sub)
                : Credentials.fromBasic(req.getHeaders().get(HttpHeader.AUTHORIZATION));
        if (cred == null) {
            resp.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"xapi\"");
            Response.writeError(req, resp, cb, 401);
            return null;
        }
        Role role = Credentials.check(config.users(), cred);
        if (role == null) {
            Response.writeError(req, resp, cb, 403);
            return null;
        }
        if (sub != null) resp.setAcceptedSubProtocol(sub); // jsxapi/ws fail without the echo (notes §2.1)
        return new WsSession(this, role);
    }

    /** Schedules a reboot shortly after the current reply has been sent. */
    void rebootSoon() {
        if (!rebooting.compareAndSet(false, true)) return;
        scheduler.schedule(this::shutdownPhase, 20, TimeUnit.MILLISECONDS);
    }

    /**
     * How long the link stays up after the Shutdown event. A real device takes a while to go down; closing at once
     * resets connections whose pipelined requests are still unread, and the reset makes the client drop the
     * Shutdown event before it has read it (seen under load).
     */
    static final long SHUTDOWN_GRACE_MS = 250;

    private void shutdownPhase() {
        try {
            state.event("Shutdown", DeviceState.NODES.objectNode().put("Reason", "UserInitiated"));
        } catch (RuntimeException e) {
            rebooting.set(false);
            return;
        }
        scheduler.schedule(this::closePhase, SHUTDOWN_GRACE_MS, TimeUnit.MILLISECONDS);
    }

    private void closePhase() {
        try {
            List<CompletableFuture<Void>> closing = new ArrayList<>();
            for (WsSession s : List.copyOf(sessions)) closing.add(s.goAway());
            try {
                CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(2, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                // a client that does not read loses its close frame; the listener goes down regardless
            }
            connector.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            rebooting.set(false);
            return;
        } catch (Exception e) {
            rebooting.set(false);
            return;
        }
        scheduler.schedule(this::bootPhase, config.rebootDowntime().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void bootPhase() {
        try {
            state.reset();
            markBooted();
            connector.start();
            state.event("BootEvent", DeviceState.NODES.objectNode().put("Level", "Restart"));
        } catch (Exception e) {
            // the listener could not be reopened; the device stays down like a failed boot
        } finally {
            rebooting.set(false);
        }
    }

    private void markBooted() {
        readyAtNanos = System.nanoTime() + config.notReadyWindow().toNanos();
        bootCount++;
    }

    /** False during the Not Ready window after a boot (requests answer -31997). */
    public boolean ready() { return System.nanoTime() - readyAtNanos >= 0; }

    void sessionOpened(WsSession s) { sessions.add(s); }

    void sessionClosed(WsSession s) { sessions.remove(s); }

    DeviceState state() { return state; }

    XapiSimConfig config() { return config; }

    // ---- inspection API (the CLI, tests and fleet tools use these) ----

    public XapiProduct product() { return config.product(); }

    public int index() { return index; }

    /** The device's name in the fleet file and the inspection API: {@code xapi-0001} for index 0. */
    public String name() { return String.format(java.util.Locale.ROOT, "xapi-%04d", index + 1); }

    /** The accounts the device accepts, without passwords. */
    public java.util.Map<String, Role> users() {
        java.util.Map<String, Role> out = new java.util.LinkedHashMap<>();
        config.users().forEach(u -> out.put(u.username(), u.role()));
        return out;
    }

    /** One open WebSocket connection as the inspection API shows it: its user's role and registrations by Id. */
    public record SessionView(Role role, java.util.Map<Long, String> subscriptions) {
    }

    public List<SessionView> sessions() {
        return sessions.stream().map(s -> {
            java.util.Map<Long, String> subs = new java.util.LinkedHashMap<>();
            s.subscriptions().forEach((id, q) -> subs.put(id, q.words()));
            return new SessionView(s.role(), subs);
        }).toList();
    }

    /** Requests received (with results) and events emitted, newest last. */
    public DeviceLog log() { return state.log(); }

    /** Restarts as {@code xCommand SystemUnit Boot} does (Shutdown event, connections dropped, BootEvent). */
    public void reboot() { rebootSoon(); }

    /**
     * Back to the stored state without a boot, and an empty log: the inspection API's reset between tests.
     * Subscribers get no feedback for it, as a reset is not something the real device does.
     */
    public void reset() {
        state.reset();
        state.log().clear();
    }

    public int port() { return connector.getLocalPort() > 0 ? connector.getLocalPort() : connector.getPort(); }

    public String host() { return connector.getHost(); }

    /** {@code http(s)://host:port}; the WebSocket endpoint is {@code ws(s)://host:port/ws}. */
    public URI httpUri() { return URI.create((config.tls() == null ? "http" : "https") + "://" + host() + ":" + port()); }

    public URI wsUri() { return URI.create((config.tls() == null ? "ws" : "wss") + "://" + host() + ":" + port() + "/ws"); }

    /** A copy of the node at a path (case-insensitive), or null. */
    public JsonNode read(XPath path) { return state.json(path); }

    /** Changes a Status leaf as the device itself would (emits feedback); false if the path does not exist. */
    public boolean changeStatus(XPath path, JsonNode value) {
        synchronized (state) {
            var found = state.find(path);
            if (found.isEmpty() || !"Status".equals(found.get().path().segment(0))) return false;
            state.put(found.get().path(), value);
            return true;
        }
    }

    /** The far end hangs up call {@code callId}: ghost in Status, then CallDisconnect/SipCallDisconnect. */
    public boolean hangUp(int callId) { return CallCommands.hangUp(state, callId); }

    /** Raises an event (e.g. a UI widget action) to subscribers and HttpFeedback. */
    public void raiseEvent(String name, JsonNode body) { state.event(name, body); }

    /**
     * The person in the room taps option {@code optionId} of the prompt on screen: the prompt goes and
     * {@code UserInterface Message Prompt Response} (FeedbackId, OptionId) reaches subscribers and HttpFeedback.
     * False when no prompt is shown or it has no such option.
     */
    public boolean answerPrompt(int optionId) { return MessageCommands.answer(state, optionId); }

    /** The alert and prompt on screen ({@code {"alert":…,"prompt":…,"sound":…}}, null members when none). */
    public JsonNode message() {
        MessageCommands.Shown s = state.shown();
        var out = DeviceState.NODES.objectNode();
        out.set("alert", s.alert());
        out.set("prompt", s.prompt());
        out.put("sound", s.lastSound());
        return out;
    }

    public String signInBanner() { return state.signInBanner(); }

    /**
     * Runs one terminal-mode request (the SSH command language, notes §2.5) as {@code role} and returns the
     * device's text answer; no SSH transport is simulated.
     */
    public String terminal(String input, Role role) { return terminal.execute(input, role); }

    /** Whether an ISDN link is paired: without one, Dial with Protocol H320 fails with Cause 21 (seed 004). */
    public void pairIsdnLink(boolean paired) { state.isdnPaired(paired); }

    public int openSessions() { return sessions.size(); }

    public int bootCount() { return bootCount; }

    public boolean rebooting() { return rebooting.get(); }

    public int httpFeedbackPostsSent() { return poster.sent(); }

    @Override
    public void close() throws Exception {
        server.stop();
        poster.close();
    }
}
