package io.phonectl.server.console;

import io.phonectl.server.group.GroupService;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Exchange;
import io.phonectl.server.http.MultipartForm;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;
import io.phonectl.server.paging.AudioService;
import io.phonectl.server.paging.PageService;

import java.util.List;
import java.util.Map;

/**
 * Paging: stored clips (upload a WAV: converted once to G.711 by {@link AudioService}), start a page of a clip to
 * the XSI phones of a target (unicast RTP, each phone told to receive it, or multicast to a group every phone joins:
 * what {@link PageService} does, as {@code POST /api/v1/pages}), the latest pages, and one page with each phone's result and a stop button while it
 * runs.
 */
public final class PagingPage {

    static final int RECENT = 20;

    public record ListView(Frame frame, List<PageService.PageView> pages, Forms.Target target,
                           PageForm.Fields fields) {
    }

    public record View(Frame frame, PageService.PageView page, String clip) {
        public boolean running() {
            return page.state().equals("running");
        }
    }

    private PagingPage() {
    }

    static List<Route> routes(AudioService audio, PageService pages, GroupService groups) {
        return List.of(
                Route.get("/paging").role(Role.VIEWER).page().doc("console", "Paging: clips and pages")
                        .handler(ex -> list(ex, audio, pages, groups, Map.of(), Forms.Problem.NONE, 200)),
                Route.post("/paging/audio").role(Role.OPERATOR).page().maxBody(AudioService.MAX_UPLOAD_BYTES + 64 * 1024)
                        .doc("console", "Upload a WAV clip").handler(ex -> {
                            MultipartForm form = ex.multipart();
                            MultipartForm.Upload file = form.file("file");
                            try {
                                if (file == null || file.bytes().length == 0) {
                                    throw new ApiException.Invalid("file", "", "a WAV file to upload");
                                }
                                String name = form.field("name");
                                AudioService.Clip c = audio.store(name == null || name.isBlank()
                                        ? file.fileName() : name.strip(), file.bytes(), ex.principal().name());
                                ex.target(c.id());
                            } catch (ApiException.Invalid | ApiException.Conflict e) {
                                return list(ex, audio, pages, groups, Map.of(), Forms.Problem.of(e), e.status());
                            }
                            return Html.redirect("/paging?ok=created");
                        }),
                Route.post("/paging/audio/{id}/delete").role(Role.OPERATOR).page()
                        .doc("console", "Delete a stored clip (pages sent with it keep their results)").handler(ex -> {
                            audio.delete(ex.id("id"));
                            ex.target(ex.id("id"));
                            return Html.redirect("/paging?ok=removed");
                        }),
                Route.post("/paging").role(Role.OPERATOR).page().doc("console", "Start a page").handler(ex -> {
                    Map<String, List<String>> form = ex.form();
                    try {
                        PageService.PageView p = pages.start(PageForm.request(form), ex.principal().name());
                        ex.target(p.id());
                        return Html.redirect("/paging/" + p.id());
                    } catch (ApiException.Invalid | ApiException.Conflict | ApiException.NotFound e) {
                        return list(ex, audio, pages, groups, form, Forms.Problem.of(e), e.status());
                    }
                }),
                Route.get("/paging/{id}").role(Role.VIEWER).page().doc("console", "A page and each phone's result")
                        .handler(ex -> {
                            PageService.PageView p = pages.get(ex.id("id"));
                            String clip = "";
                            if (p.audio() != null) {
                                try {
                                    clip = audio.get(p.audio()).name();
                                } catch (ApiException.NotFound e) {
                                    clip = "(deleted clip " + p.audio() + ")";
                                }
                            }
                            return Html.page("page.jte", new View(Html.frame(ex, "Page " + p.id(), "paging"), p, clip));
                        }),
                Route.post("/paging/{id}/stop").role(Role.OPERATOR).page().doc("console", "Stop a running page")
                        .handler(ex -> {
                            long id = ex.id("id");
                            ex.target(id);
                            pages.stop(id);
                            return Html.redirect("/paging/" + id);
                        }));
    }

    private static Reply list(Exchange ex, AudioService audio, PageService pages, GroupService groups,
                              Map<String, List<String>> form, Forms.Problem problem, int status) {
        Frame frame = Html.frame(ex, "Paging", "paging");
        return Html.page(status, "paging.jte", new ListView(problem.any() ? frame.withError(problem.message()) : frame,
                pages.recent(RECENT), Forms.target("p", form, groups), PageForm.fields(audio, form, problem)));
    }
}
