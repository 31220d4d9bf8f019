package io.phonectl.server.api;

import io.phonectl.server.device.Device;
import io.phonectl.server.group.Group;
import io.phonectl.server.group.GroupService;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;

import java.util.List;

/** Groups: static (members) and dynamic (a selector); their devices, paged. */
final class GroupResource {

    record GroupInput(String name, String kind, String selector, String description, List<Long> devices) {
    }

    record Members(List<Long> devices) {
    }

    private GroupResource() {
    }

    static List<Route> routes(GroupService groups) {
        String base = "/api/v1/groups";
        return List.of(
                Route.get(base).role(Role.VIEWER).doc("groups", "List groups with their current member counts").paged()
                        .responsePage(Group.class).handler(ex -> Reply.ok(groups.list(ex.paging()))),
                Route.post(base).role(Role.OPERATOR)
                        .doc("groups", "Create a static group (devices) or a dynamic one (selector)")
                        .request(GroupInput.class).response(201, Group.class).handler(ex -> {
                            GroupInput in = ex.json(GroupInput.class);
                            Group g = groups.create(in.name(), in.kind(), in.selector(), in.description(), in.devices());
                            ex.target(g.id());
                            return Reply.created(g);
                        }),
                Route.get(base + "/{id}").role(Role.VIEWER).doc("groups", "One group").response(Group.class)
                        .handler(ex -> Reply.ok(groups.get(ex.id("id")))),
                Route.patch(base + "/{id}").role(Role.OPERATOR).doc("groups", "Rename, change the selector or description")
                        .request(GroupInput.class).response(Group.class).handler(ex -> {
                            long id = ex.id("id");
                            GroupInput in = ex.json(GroupInput.class);
                            if (in.kind() != null || in.devices() != null) {
                                throw new ApiException.Invalid(in.kind() != null ? "kind" : "devices",
                                        in.kind() != null ? in.kind() : in.devices().size() + " ids",
                                        "absent: a group's kind is fixed; members change under /devices");
                            }
                            return Reply.ok(groups.update(id, in.name(), in.selector(), in.description()));
                        }),
                Route.delete(base + "/{id}").role(Role.OPERATOR).doc("groups", "Delete a group (not its devices)")
                        .response(204, null).handler(ex -> {
                            groups.delete(ex.id("id"));
                            return Reply.noContent();
                        }),
                Route.get(base + "/{id}/devices").role(Role.VIEWER).doc("groups", "The group's devices now").paged()
                        .responsePage(Device.class).handler(ex -> Reply.ok(groups.members(ex.id("id"), ex.paging()))),
                Route.post(base + "/{id}/devices").role(Role.OPERATOR).doc("groups", "Add devices to a static group")
                        .request(Members.class).response(Group.class).handler(ex -> {
                            long id = ex.id("id");
                            Members in = ex.json(Members.class);
                            if (in.devices() == null) {
                                throw new ApiException.Invalid("devices", null, "a list of device ids");
                            }
                            return Reply.ok(groups.addMembers(id, in.devices()));
                        }),
                Route.delete(base + "/{id}/devices/{deviceId}").role(Role.OPERATOR)
                        .doc("groups", "Remove a device from a static group").response(Group.class).handler(ex -> {
                            long id = ex.id("id");
                            return Reply.ok(groups.removeMember(id, ex.id("deviceId")));
                        }));
    }
}
