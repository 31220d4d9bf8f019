package io.phonectl.server.api;

import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;
import io.phonectl.server.paging.AudioService;
import io.phonectl.server.paging.PageService;

import java.util.List;

/** Stored audio (uploaded as WAV, kept as G.711) and pages of it to XSI phones. */
public final class PagingResource {

    private PagingResource() {
    }

    public static List<Route> routes(AudioService audio, PageService pages) {
        return List.of(
                Route.post("/api/v1/audio").role(Role.OPERATOR).maxBody(AudioService.MAX_UPLOAD_BYTES)
                        .doc("paging", "Upload a WAV (any rate, channels, 8/16/24/32-bit PCM or float): converted once "
                                + "to 8 kHz mono G.711 mu-law and stored")
                        .query("name", "string", "the clip's name (unique)")
                        .request(String.class, "audio/wav").response(201, AudioService.Clip.class)
                        .handler(ex -> {
                            AudioService.Clip c = audio.store(ex.query("name"), ex.body(), ex.principal().name());
                            ex.target(c.id());
                            return Reply.created(c);
                        }),
                Route.get("/api/v1/audio").role(Role.VIEWER).doc("paging", "Stored clips (never their audio)")
                        .responsePage(AudioService.Clip.class).handler(ex -> Reply.ok(audio.list())),
                Route.get("/api/v1/audio/{id}").role(Role.VIEWER).doc("paging", "One stored clip")
                        .response(AudioService.Clip.class).handler(ex -> Reply.ok(audio.get(ex.id("id")))),
                Route.delete("/api/v1/audio/{id}").role(Role.OPERATOR).doc("paging", "Delete a stored clip")
                        .handler(ex -> {
                            ex.target(ex.id("id"));
                            audio.delete(ex.id("id"));
                            return Reply.noContent();
                        }),
                Route.post("/api/v1/pages").role(Role.OPERATOR)
                        .doc("paging", "Page the XSI phones of a target now with a stored clip, unicast or to a "
                                + "multicast group")
                        .request(PageService.PageRequest.class).response(201, PageService.PageView.class)
                        .handler(ex -> {
                            PageService.PageView p = pages.start(ex.json(PageService.PageRequest.class),
                                    ex.principal().name());
                            ex.target(p.id());
                            return Reply.created(p);
                        }),
                Route.get("/api/v1/pages").role(Role.VIEWER)
                        .doc("paging", "The latest pages, newest first, with counts by status (each phone's result "
                                + "is on the page itself)")
                        .query("limit", "integer", "how many (1..100, default 20)")
                        .handler(ex -> Reply.ok(java.util.Map.of("items", pages.recent(limit(ex.query("limit")))))),
                Route.get("/api/v1/pages/{id}").role(Role.VIEWER)
                        .doc("paging", "A page: state, and once it ended each phone's result with its reception "
                                + "statistics")
                        .response(PageService.PageView.class).handler(ex -> Reply.ok(pages.get(ex.id("id")))),
                Route.post("/api/v1/pages/{id}/stop").role(Role.OPERATOR)
                        .doc("paging", "Stop a running page: the audio stops and every phone is told to stop")
                        .response(PageService.PageView.class).handler(ex -> {
                            ex.target(ex.id("id"));
                            return Reply.ok(pages.stop(ex.id("id")));
                        }));
    }

    private static int limit(String s) {
        if (s == null || s.isBlank()) {
            return 20;
        }
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new io.phonectl.server.http.ApiException.Invalid("limit", s, "an integer 1..100");
        }
    }
}
