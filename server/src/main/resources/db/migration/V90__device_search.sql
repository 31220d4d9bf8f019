-- The free-text search of device lists (the selector field "any", the console's search box) reads this one column
-- instead of four lower() calls and a tag subquery per row: the lower-cased name, address, model, site and tags,
-- each between line feeds (chr(10): no field holds a control character), so a value matches a whole field, its
-- start, its end or any part of it with one LIKE. DeviceService writes it with every insert and update (Java's
-- lower case, Locale.ROOT, as the selector lowers its values); here it is filled for the devices already stored.
ALTER TABLE devices ADD COLUMN search VARCHAR(4000) NOT NULL DEFAULT '';
UPDATE devices SET search = chr(10) || lower(name) || chr(10) || lower(address) || chr(10) || lower(model) || chr(10)
    || lower(site) || chr(10) || coalesce((SELECT string_agg(lower(t.tag) || chr(10), '') FROM device_tags t
                                           WHERE t.device_id = devices.id), '');
