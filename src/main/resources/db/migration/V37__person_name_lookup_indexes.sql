-- A search or an import names a person in any case, by name, native name or alias: these indexes let PostgreSQL find
-- the person without reading every person and alias (PersonRepository.findByNameOrNativeName and findByAlias).
create index person_lower_name on person (lower(name));
create index person_lower_native_name on person (lower(native_name));
create index person_alias_lower_alias on person_alias (lower(alias));
