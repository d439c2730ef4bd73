package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.policyarchive.record.LanguageTag;

/**
 * Writes every record's language tag the one way the record's rules keep it ({@code ZH-hans} becomes
 * {@code zh-Hans}): imports kept tags as typed before, so filters had to compare them in lower case. A changed record
 * gets a new {@code updated_at}, so that the search index's start-up catch-up indexes it again.
 */
public class V36__canonical_language_tags extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        List<String> tags = new ArrayList<>();
        try (Statement select = context.getConnection().createStatement();
                ResultSet rows = select.executeQuery("select distinct language from record")) {
            while (rows.next()) {
                tags.add(rows.getString(1));
            }
        }
        try (PreparedStatement update = context.getConnection()
                .prepareStatement("update record set language = ?, updated_at = now() where language = ?")) {
            for (String tag : tags) {
                String canonical = LanguageTag.isValid(tag) ? LanguageTag.canonical(tag) : tag;
                if (!canonical.equals(tag)) {
                    update.setString(1, canonical);
                    update.setString(2, tag);
                    update.executeUpdate();
                }
            }
        }
    }
}
