package io.phonectl.cucm.axl;

import java.util.List;
import java.util.Map;

/**
 * A listChange answer: where the change queue stands and the changes in this answer.
 *
 * @param queue   firstChangeId/lastChangeId are the oldest and newest change the server holds; nextStartChangeId is
 *                where the next request starts; the queueId changes whenever the AXL service restarts
 */
public record ChangeBatch(QueueInfo queue, List<Change> changes) {

    public ChangeBatch {
        changes = List.copyOf(changes);
    }

    /** Whether more changes wait beyond this answer (the guide's paging rule: lastChangeId >= nextStartChangeId). */
    public boolean more() {
        return queue.lastChangeId() >= queue.nextStartChangeId();
    }

    public record QueueInfo(long firstChangeId, long lastChangeId, long nextStartChangeId, String queueId) {
    }

    /**
     * One change: object type ("Phone"), its uuid, the change id, the action ({@code a} add, {@code u} update,
     * {@code r} remove), whether the client should get the object again, and the changed tags with new values.
     */
    public record Change(String type, String uuid, long id, String action, boolean doGet, Map<String, String> changedTags) {
        public Change {
            changedTags = Map.copyOf(changedTags);
        }
    }
}
