package org.policyarchive.person.internal;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.policyarchive.person.Person;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface PersonRepository extends JpaRepository<Person, Long> {

    Optional<Person> findBySlug(String slug);

    /** The person, locked until the transaction ends: the other editors saving it wait, then see the new version. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Person p where p.id = :id")
    Optional<Person> findByIdForUpdate(long id);

    /**
     * The slugs in use, by people or as the old slugs of merged people, that are {@code slug} or match
     * {@code numbered} (a LIKE pattern of its numbered forms).
     */
    @Query("select p.slug from Person p where p.slug = :slug or p.slug like :numbered"
            + " union all select r.oldSlug from PersonRedirect r where r.oldSlug = :slug or r.oldSlug like :numbered")
    List<String> findSlugsLike(String slug, String numbered);

    // Names and aliases are looked up in two queries, each through its index on the lower-case name (V37): one
    // query joining the aliases with OR reads every person and every alias.

    @Query("select p from Person p where lower(p.name) = lower(:name) or lower(p.nativeName) = lower(:name)")
    List<Person> findByNameOrNativeName(String name);

    @Query("select p from Person p join p.aliases a where lower(a) = lower(:name)")
    List<Person> findByAlias(String name);

    /** The people whose name or native name is in {@code names}, which are in lower case. */
    @Query("select p from Person p where lower(p.name) in :names or lower(p.nativeName) in :names")
    List<Person> findByNameOrNativeNameIn(Collection<String> names);

    /** The people one of whose aliases is in {@code names}, which are in lower case. */
    @Query("select distinct p from Person p join p.aliases a where lower(a) in :names")
    List<Person> findByAliasIn(Collection<String> names);

    List<Person> findAllByOrderByNameAsc();

    @Query(
            value = "select distinct p from Person p left join p.aliases a where lower(p.name) like :pattern"
                    + " or lower(p.nativeName) like :pattern or lower(a) like :pattern or lower(p.slug) like :pattern",
            countQuery =
                    "select count(distinct p) from Person p left join p.aliases a where lower(p.name) like :pattern"
                            + " or lower(p.nativeName) like :pattern or lower(a) like :pattern or lower(p.slug) like :pattern")
    Page<Person> findByAnyNameContaining(String pattern, Pageable pageable);
}
