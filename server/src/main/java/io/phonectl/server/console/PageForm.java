package io.phonectl.server.console;

import io.phonectl.server.paging.AudioService;
import io.phonectl.server.paging.PageService;

import java.util.List;
import java.util.Map;

/**
 * The inputs of a page, on the paging page and in a schedule that pages: the clip, times played, volume, and how it
 * travels: unicast (each phone told to receive on an RTP port) or multicast (one stream to a group every phone
 * joins, with its port and TTL). Read into the API's {@link PageService.PageRequest}, so {@code PageRules} checks
 * the form exactly as it checks {@code POST /api/v1/pages}.
 */
public final class PageForm {

    /** The inputs as typed, with the clips to choose from and the service's problem, if any. */
    public record Fields(List<AudioService.Clip> clips, long clip, String loops, String volume, boolean multicast,
                         String port, String group, String groupPort, String ttl, Forms.Problem problem) {

        /** The problem about this field of the request, as a page request or inside a schedule's runs. */
        public String on(String field) {
            String p = problem.exactly(field);
            return p != null ? p : problem.exactly("runs.page." + field);
        }
    }

    private PageForm() {
    }

    static Fields fields(AudioService audio, Map<String, List<String>> form, Forms.Problem problem) {
        String clip = Forms.first(form, "clip");
        return new Fields(audio.list().items(), clip.isBlank() ? 0 : Forms.id("audio", clip),
                Forms.first(form, "loops"), Forms.first(form, "volume"),
                Forms.first(form, "transport").equals("multicast"), Forms.first(form, "port"),
                Forms.first(form, "mgroup"), Forms.first(form, "mport"), Forms.first(form, "ttl"), problem);
    }

    /** The page as the API takes it (the target from the form's "to whom" fieldset). */
    static PageService.PageRequest request(Map<String, List<String>> form) {
        String clip = Forms.first(form, "clip");
        PageService.Multicast multicast = null;
        Integer port = null;
        if (Forms.first(form, "transport").equals("multicast")) {
            multicast = new PageService.Multicast(Forms.first(form, "mgroup").strip(),
                    Forms.integer(form, "mport", "multicast.port", 20480, 32768),
                    Forms.integer(form, "ttl", "multicast.ttl", 1, 255));
        } else {
            port = Forms.integer(form, "port", "port", 20480, 32768);
        }
        return new PageService.PageRequest(clip.isBlank() ? null : Forms.id("audio", clip), Forms.jobTarget(form),
                Forms.integer(form, "loops", "loops", 1, 100), Forms.integer(form, "volume", "volume", 0, 100), port,
                multicast);
    }
}
