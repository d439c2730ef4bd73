package org.policyarchive.theme;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ThemeRepository extends JpaRepository<Theme, Long> {

    Optional<Theme> findBySlug(String slug);

    Optional<Theme> findByNameIgnoreCase(String name);

    List<Theme> findAllByOrderByPositionAsc();
}
