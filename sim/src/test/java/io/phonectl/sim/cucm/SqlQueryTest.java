package io.phonectl.sim.cucm;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class SqlQueryTest {

    static final String DISCOVERY = "select d.name, tm.name as model, n.dnorpattern as dn from device d inner join "
            + "typemodel tm on tm.enum = d.tkmodel left outer join devicenumplanmap m on m.fkdevice = d.pkid and "
            + "m.numplanindex = 1 left outer join numplan n on n.pkid = m.fknumplan where d.tkclass = 1 order by d.name";

    @Test
    void theDiscoveryShapeWithPagingFiltersAndDevicePool() {
        SqlQuery q = SqlQuery.parse(DISCOVERY);
        assertThat(q.columns()).containsExactly(SqlQuery.Column.NAME, SqlQuery.Column.MODEL, SqlQuery.Column.DN);
        assertThat(q.skip()).isZero();
        SqlQuery paged = SqlQuery.parse(DISCOVERY.replace("select ", "SELECT SKIP 200 FIRST 100\n  "));
        assertThat(paged.skip()).isEqualTo(200);
        assertThat(paged.first()).isEqualTo(100);
        SqlQuery pool = SqlQuery.parse(DISCOVERY.replace("select d.name,", "select d.name, dp.name as devicepool,")
                .replace("on tm.enum = d.tkmodel", "on tm.enum = d.tkmodel inner join devicepool dp on dp.pkid = "
                        + "d.fkdevicepool").replace("d.tkclass = 1", "d.tkclass = 1 and d.name like 'SEP00AA%'"));
        assertThat(pool.columns()).contains(SqlQuery.Column.DEVICEPOOL);
        assertThat(pool.nameLike()).isEqualTo("SEP00AA%");
        // devicepool without its join is not the shape
        assertThat(SqlQuery.parse(DISCOVERY.replace("select d.name,", "select dp.name as devicepool,"))).isNull();
        assertThat(SqlQuery.parse("select * from enduser")).isNull();
        assertThat(SqlQuery.parse("")).isNull();
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void mutatedStatementsParseOrAreRefusedNeverThrow(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 500; i++) {
            StringBuilder s = new StringBuilder(DISCOVERY);
            for (int e = 0; e < 1 + r.nextInt(3); e++) {
                int at = r.nextInt(s.length());
                switch (r.nextInt(3)) {
                    case 0 -> s.setCharAt(at, (char) r.nextInt(32, 127));
                    case 1 -> s.deleteCharAt(at);
                    default -> s.insert(at, "'9%_ ".charAt(r.nextInt(5)));
                }
            }
            SqlQuery q = SqlQuery.parse(s.toString());
            if (q != null) {
                assertThat(q.columns()).isNotEmpty();
            }
        }
    }
}
