-- A new slug is found with one query for a slug and its numbered forms (slug = 'x' or slug like 'x-%'). The unique
-- indexes serve LIKE only in the C collation; these serve it in any, so the query reads a few index entries however
-- many records there are.

create index record_slug_prefix on record (slug text_pattern_ops);
create index person_slug_prefix on person (slug text_pattern_ops);
create index person_redirect_slug_prefix on person_redirect (old_slug text_pattern_ops);
create index theme_slug_prefix on theme (slug text_pattern_ops);
