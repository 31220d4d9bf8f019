package io.phonectl.server.console;

import io.phonectl.cucm.axl.AxlVersion;
import io.phonectl.server.credential.Credential;
import io.phonectl.server.credential.CredentialService;
import io.phonectl.server.cucm.CucmChange;
import io.phonectl.server.cucm.CucmRun;
import io.phonectl.server.cucm.CucmSource;
import io.phonectl.server.cucm.DiscoveryRuns;
import io.phonectl.server.cucm.SourceInput;
import io.phonectl.server.cucm.SourceService;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Cursor;
import io.phonectl.server.http.Exchange;
import io.phonectl.server.http.Page;
import io.phonectl.server.http.Paging;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;

import java.util.List;
import java.util.Map;

/**
 * CUCM sources (viewers read, administrators write, as in the API): the list, a new one and its edit form (the
 * publisher, a credential set by name, PEM trust or explicitly none, the site and tags its devices get), discovery
 * now (an incremental sync when possible, or a full pass), the runs, and what one run changed phone by phone.
 * Through {@link SourceService} and {@link DiscoveryRuns}, as {@code /api/v1/cucm-sources}.
 */
public final class CucmPage {

    static final int ROWS = 50;

    /** The source form's values: a source's, or what was refused. */
    public record Input(String name, String publisher, String nodes, String axlVersion, String credentials,
                        String certificate, boolean insecure, String site, String tags, String deviceCredentials,
                        boolean enabled) {
        static final Input EMPTY = new Input("", "", "", AxlVersion.DEFAULT.number(), "", "", false, "", "", "", true);

        static Input of(CucmSource s) {
            return new Input(s.name(), s.publisher(), String.join(", ", s.nodes()), s.axlVersion(), s.credentials(),
                    s.certificate() == null ? "" : s.certificate(), s.insecure(), s.site(), String.join(", ", s.tags()),
                    s.deviceCredentials() == null ? "" : s.deviceCredentials(), s.enabled());
        }
    }

    /** The form with its choices and the problem of a refused save. */
    public record Form(Input in, List<String> credentialSets, List<String> versions, Forms.Problem problem) {
    }

    public record ListView(Frame frame, List<CucmSource> sources, Form form) {
    }

    public record View(Frame frame, CucmSource source, Form form, List<CucmRun> runs, long total, String nextHref) {
    }

    public record RunView(Frame frame, CucmSource source, CucmRun run, List<CucmChange> changes, long total,
                          String nextHref) {
        public boolean running() {
            return run.state().equals("running");
        }
    }

    private CucmPage() {
    }

    static List<Route> routes(SourceService sources, DiscoveryRuns runs, CredentialService credentials) {
        return List.of(
                Route.get("/cucm").role(Role.VIEWER).page().doc("console", "CUCM sources")
                        .handler(ex -> Html.page("cucm.jte", new ListView(Html.frame(ex, "CUCM sources", "cucm"),
                                sources.list(), form(credentials, Input.EMPTY, Forms.Problem.NONE)))),
                Route.post("/cucm").role(Role.ADMIN).page().doc("console", "Add a CUCM source").handler(ex -> {
                    Input in = typed(ex.form());
                    try {
                        CucmSource s = sources.create(input(in));
                        ex.target(s.id());
                        return Html.redirect("/cucm/" + s.id() + "?ok=created");
                    } catch (ApiException.Invalid | ApiException.Conflict e) {
                        Frame frame = Html.frame(ex, "CUCM sources", "cucm").withError(e.getMessage());
                        return Html.page(e.status(), "cucm.jte", new ListView(frame, sources.list(),
                                form(credentials, in, Forms.Problem.of(e))));
                    }
                }),
                Route.get("/cucm/{id}").role(Role.VIEWER).page().doc("console", "A CUCM source and its runs")
                        .handler(ex -> {
                            CucmSource s = sources.get(ex.id("id"));
                            return source(ex, runs, s, form(credentials, Input.of(s), Forms.Problem.NONE), 200, null);
                        }),
                Route.post("/cucm/{id}").role(Role.ADMIN).page().doc("console", "Change a CUCM source").handler(ex -> {
                    CucmSource s = sources.get(ex.id("id"));
                    Input in = typed(ex.form());
                    ex.target(s.id());
                    try {
                        sources.update(s.id(), input(in));
                    } catch (ApiException.Invalid | ApiException.Conflict e) {
                        return source(ex, runs, s, form(credentials, in, Forms.Problem.of(e)), e.status(),
                                e.getMessage());
                    }
                    return Html.redirect("/cucm/" + s.id() + "?ok=saved");
                }),
                Route.post("/cucm/{id}/discover").role(Role.ADMIN).page().doc("console", "Run discovery now")
                        .handler(ex -> {
                            long id = ex.id("id");
                            ex.target(id);
                            String mode = Forms.first(ex.form(), "mode");
                            try {
                                CucmRun r = runs.start(id, mode.equals("full"), ex.principal().name());
                                return Html.redirect("/cucm/" + id + "/runs/" + r.id());
                            } catch (ApiException.Invalid | ApiException.Conflict e) {
                                CucmSource s = sources.get(id);
                                return source(ex, runs, s, form(credentials, Input.of(s), Forms.Problem.NONE),
                                        e.status(), e.getMessage());
                            }
                        }),
                Route.post("/cucm/{id}/delete").role(Role.ADMIN).page().doc("console", "Delete a CUCM source")
                        .handler(ex -> {
                            ex.target(ex.id("id"));
                            sources.delete(ex.id("id"));
                            return Html.redirect("/cucm?ok=removed");
                        }),
                Route.get("/cucm/{id}/runs/{runId}").role(Role.VIEWER).page()
                        .doc("console", "A discovery run and what it changed").handler(ex -> {
                            CucmSource s = sources.get(ex.id("id"));
                            CucmRun r = runs.run(s.id(), ex.id("runId"));
                            Page<CucmChange> changes = runs.changes(s.id(), r.id(),
                                    new Paging(ROWS, Cursor.decode(ex.query("cursor"))));
                            return Html.page("cucm-run.jte", new RunView(Html.frame(ex, "Run " + r.id(), "cucm"), s, r,
                                    changes.items(), changes.total(), changes.next() == null ? null
                                    : "/cucm/" + s.id() + "/runs/" + r.id() + "?cursor=" + changes.next()));
                        }));
    }

    private static Reply source(Exchange ex, DiscoveryRuns runs, CucmSource s, Form form, int status, String error) {
        Page<CucmRun> page = runs.runs(s.id(), new Paging(ROWS, Cursor.decode(ex.query("cursor"))));
        Frame frame = Html.frame(ex, "CUCM " + s.name(), "cucm");
        return Html.page(status, "cucm-source.jte", new View(error == null ? frame : frame.withError(error), s, form,
                page.items(), page.total(), page.next() == null ? null : "/cucm/" + s.id() + "?cursor=" + page.next()));
    }

    private static Form form(CredentialService credentials, Input in, Forms.Problem problem) {
        return new Form(in, credentials.list(Paging.first(Paging.MAX_LIMIT)).items().stream().map(Credential::name)
                .toList(), AxlVersion.SUPPORTED.stream().map(AxlVersion::number).toList(), problem);
    }

    private static Input typed(Map<String, List<String>> form) {
        return new Input(Forms.first(form, "cname"), Forms.first(form, "publisher"), Forms.first(form, "nodes"),
                Forms.first(form, "axlVersion"), Forms.first(form, "credentials"), Forms.first(form, "certificate"),
                Forms.checked(form, "insecure"), Forms.first(form, "site"), Forms.first(form, "tags"),
                Forms.first(form, "deviceCredentials"), Forms.checked(form, "enabled"));
    }

    /**
     * As the API takes it; every member given, so a change writes the whole form ("" clears what may be cleared),
     * except the sync schedule, which the console leaves as it is (null: unchanged; set it through the API).
     */
    private static SourceInput input(Input in) {
        return new SourceInput(in.name().strip(), in.publisher().strip(), Forms.list(in.nodes()),
                in.axlVersion().strip(), in.credentials().strip(), in.certificate().strip(), in.insecure(),
                in.site().strip(), Forms.list(in.tags()), in.deviceCredentials().strip(), in.enabled(), null);
    }
}
