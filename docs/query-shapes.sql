-- Query shapes on tpch.tiny (catalog tpch, schema tiny), one statement a line, compared line by line with Trino 476.
-- Known differences: a scalar aggregate over UNNEST of an outer column does not keep the outer rows' order without ORDER BY; SELECT * over UNNEST of an array of rows beside another array without column aliases is AMBIGUOUS_NAME (EXPR$1 twice); SELECT x FROM UNNEST(...) AS x runs where Trino fails; a JOIN between UNNESTs with a condition other than ON TRUE runs where Trino says NOT_SUPPORTED; a correlated LATERAL sub-query with ORDER BY and LIMIT over UNNEST of outer columns is NOT_SUPPORTED (Trino runs it); EXCEPT/INTERSECT and some VALUES without ORDER BY return rows in another order; map_agg lists its keys in another order; some correlated sub-queries Trino rejects run (filters on outer columns inside a sub-query over UNNEST, ORDER BY/LIMIT or HAVING in a correlated scalar sub-query, UNION ALL over outer columns in LATERAL).
SELECT n, x FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[]), (3, NULL)) t(n, arr) LEFT JOIN UNNEST(t.arr) AS u(x) ON true ORDER BY n, x
SELECT n, x FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[]), (3, CAST(NULL AS array(integer)))) t(n, arr) LEFT JOIN UNNEST(t.arr) AS u(x) ON true ORDER BY n, x
SELECT a, b FROM UNNEST(ARRAY[1,2,3], ARRAY['a']) AS u(a, b)
SELECT n, a, b FROM (VALUES 1) t(n) CROSS JOIN UNNEST(ARRAY[1,2,3], ARRAY['a']) AS u(a, b)
SELECT x, o FROM UNNEST(ARRAY['a','b','c']) WITH ORDINALITY AS u(x, o)
SELECT n, x, o FROM (VALUES (1, ARRAY[10,20]), (2, ARRAY[30])) t(n, arr) CROSS JOIN UNNEST(arr) WITH ORDINALITY AS u(x, o) ORDER BY n, o
SELECT k, v FROM UNNEST(MAP(ARRAY['a','b'], ARRAY[1,2])) AS u(k, v) ORDER BY k
SELECT n, k, v FROM (VALUES (1, MAP(ARRAY['a','b'], ARRAY[1,2]))) t(n, m) CROSS JOIN UNNEST(m) AS u(k, v) ORDER BY k
SELECT * FROM UNNEST(ARRAY[ROW(1, 'a'), ROW(2, 'b')]) AS u(i, s)
SELECT * FROM UNNEST(ARRAY[ROW(1, 'a'), ROW(2, 'b')])
SELECT n, i, s FROM (VALUES 1) t(n) CROSS JOIN UNNEST(ARRAY[ROW(1, 'a'), ROW(2, 'b')]) AS u(i, s)
SELECT n, x FROM (VALUES (1, ARRAY[1,2])) t(n, arr), UNNEST(arr) AS u(x) ORDER BY x
SELECT n, x FROM (VALUES (1, ARRAY[1,2])) t(n, arr), UNNEST(arr) u(x) ORDER BY x
SELECT (SELECT sum(x) FROM UNNEST(arr) AS u(x)) FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[5])) t(n, arr) ORDER BY 1
SELECT count(*) FROM (SELECT x FROM UNNEST(ARRAY[1,2,3]) AS u(x)) s
SELECT n, x FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[])) t(n, arr) LEFT JOIN UNNEST(arr) AS u(x) ON true ORDER BY n, x
SELECT n, x, o FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[])) t(n, arr) LEFT JOIN UNNEST(arr) WITH ORDINALITY AS u(x, o) ON true ORDER BY n, x
SELECT x FROM UNNEST(ARRAY[1, NULL, 3]) AS u(x)
SELECT * FROM UNNEST(ARRAY[1,2], MAP(ARRAY['a'], ARRAY[true])) AS u(x, k, v)
SELECT * FROM UNNEST(ARRAY[ROW(1, 'a'), ROW(2, 'b')], ARRAY[5]) WITH ORDINALITY
SELECT u.x FROM UNNEST(ARRAY[1]) u(x)
SELECT x FROM UNNEST(ARRAY[1,2]) AS x
SELECT t.x FROM UNNEST(ARRAY[1,2]) AS t(x) WHERE x > 1
SELECT n, x FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[3])) t(n, arr) LEFT JOIN UNNEST(arr) AS u(x) ON x > 1 ORDER BY n, x
SELECT r.name, count(*) FROM region r CROSS JOIN UNNEST(ARRAY[1,2,3]) AS u(x) GROUP BY r.name ORDER BY 1
SELECT n.name, x FROM nation n CROSS JOIN UNNEST(split(n.comment, ' ')) AS u(x) WHERE n.nationkey = 0 ORDER BY x LIMIT 3
SELECT n.name, cardinality(array_agg(x)) FROM nation n LEFT JOIN UNNEST(filter(split(n.name, 'A'), s -> s = 'XYZ')) AS u(x) ON true GROUP BY n.name ORDER BY 1 LIMIT 3
SELECT n.name, l.cnt FROM nation n, LATERAL (SELECT count(*) cnt FROM region r WHERE r.regionkey = n.regionkey) l ORDER BY 1 LIMIT 3
SELECT n.name, l.rname FROM nation n CROSS JOIN LATERAL (SELECT r.name rname FROM region r WHERE r.regionkey = n.regionkey) l ORDER BY 1 LIMIT 3
SELECT n.name, l.rname FROM nation n LEFT JOIN LATERAL (SELECT r.name rname FROM region r WHERE r.regionkey = n.regionkey AND r.regionkey > 2) l ON true ORDER BY 1 LIMIT 5
SELECT n.name, l.k FROM nation n JOIN LATERAL (SELECT n.nationkey * 2 AS k) l ON true ORDER BY 1 LIMIT 3
SELECT n.name FROM nation n WHERE EXISTS (SELECT 1 FROM region r WHERE r.regionkey = n.regionkey AND r.name LIKE 'A%' AND n.nationkey > r.regionkey) ORDER BY 1
SELECT (SELECT name FROM region WHERE regionkey > n.regionkey) FROM nation n WHERE n.nationkey = 0
SELECT (SELECT name FROM region) FROM nation n WHERE n.nationkey = 0
SELECT (SELECT name FROM region WHERE regionkey = n.regionkey) FROM nation n WHERE n.nationkey = 0
SELECT n.name, (SELECT max(r.name) FROM region r WHERE r.regionkey <= n.regionkey) FROM nation n ORDER BY 1 LIMIT 3
SELECT n.name, (SELECT r.name FROM region r WHERE r.regionkey <= n.regionkey ORDER BY r.name LIMIT 1) FROM nation n ORDER BY 1 LIMIT 3
SELECT n.name FROM nation n WHERE n.regionkey = (SELECT min(regionkey) FROM region r WHERE r.regionkey >= n.nationkey) ORDER BY 1
SELECT regionkey, count(*) FROM nation n GROUP BY regionkey HAVING count(*) > (SELECT count(*) FROM region r WHERE r.regionkey < n.regionkey) ORDER BY 1
SELECT n.name, r.name FROM nation n JOIN region r ON r.regionkey = n.regionkey AND EXISTS (SELECT 1 FROM supplier s WHERE s.nationkey = n.nationkey AND s.acctbal > 9000) ORDER BY 1
SELECT x FROM (VALUES 1, 2, NULL) t(x) WHERE x IN (SELECT y FROM (VALUES 1, NULL) s(y))
SELECT x FROM (VALUES 1, 2, NULL) t(x) WHERE x NOT IN (SELECT y FROM (VALUES 1, NULL) s(y))
SELECT x FROM (VALUES 1, 2, NULL) t(x) WHERE x NOT IN (SELECT y FROM (VALUES 1) s(y))
SELECT x, x IN (SELECT y FROM (VALUES 1, NULL) s(y)) FROM (VALUES 1, 2, NULL) t(x) ORDER BY 1
SELECT x, x NOT IN (SELECT y FROM (VALUES 1) s(y)) FROM (VALUES 1, 2, NULL) t(x) ORDER BY 1
SELECT x, x IN (SELECT y FROM (VALUES 1) s(y) WHERE y > 5) FROM (VALUES 1, NULL) t(x) ORDER BY 1
SELECT n.name FROM nation n WHERE NOT EXISTS (SELECT 1 FROM supplier s WHERE s.nationkey = n.nationkey AND s.acctbal > 9900) ORDER BY 1 LIMIT 3
SELECT n.name, (SELECT count(*) FROM supplier s WHERE s.nationkey = n.nationkey) c FROM nation n ORDER BY 2 DESC, 1 LIMIT 3
SELECT n.name FROM nation n WHERE n.nationkey IN (SELECT s.nationkey FROM supplier s WHERE s.acctbal > n.regionkey * 2000) ORDER BY 1 LIMIT 3
SELECT n.name, EXISTS (SELECT 1 FROM region r WHERE r.regionkey = n.regionkey AND r.name = 'ASIA') FROM nation n ORDER BY 1 LIMIT 4
SELECT (SELECT x FROM (VALUES 1, 2) t(x) WHERE x > n.regionkey LIMIT 1) FROM nation n WHERE nationkey = 0
SELECT n.name, l.s FROM nation n, LATERAL (SELECT sum(s.acctbal) s FROM supplier s WHERE s.nationkey = n.nationkey GROUP BY s.nationkey) l ORDER BY 1 LIMIT 3
SELECT n.name, l.name FROM nation n, LATERAL (SELECT s.name FROM supplier s WHERE s.nationkey = n.nationkey ORDER BY s.acctbal DESC LIMIT 1) l ORDER BY 1 LIMIT 3
SELECT (SELECT 1 WHERE false)
SELECT (SELECT x FROM (VALUES 1, 2) t(x))
SELECT name FROM region r WHERE (SELECT count(*) FROM nation n WHERE n.regionkey = r.regionkey AND n.name LIKE '%A%') > 3 ORDER BY 1
SELECT x FROM (VALUES 1, 2, 3) t(x) WHERE x > ALL (SELECT y FROM (VALUES 1, NULL) s(y))
SELECT x FROM (VALUES 1, 2, 3) t(x) WHERE x > ANY (SELECT y FROM (VALUES 1, 2) s(y))
SELECT x, x = ANY (SELECT y FROM (VALUES 1, NULL) s(y)) FROM (VALUES 1, 2) t(x) ORDER BY 1
SELECT DISTINCT rank() OVER (ORDER BY regionkey) FROM nation ORDER BY 1
SELECT DISTINCT regionkey, rank() OVER (ORDER BY regionkey) r FROM nation ORDER BY 1
SELECT name FROM nation ORDER BY row_number() OVER (ORDER BY name DESC) LIMIT 3
SELECT name, regionkey FROM nation ORDER BY rank() OVER (PARTITION BY regionkey ORDER BY name), name LIMIT 5
SELECT regionkey, count(*), rank() OVER (ORDER BY count(*) DESC, regionkey) FROM nation GROUP BY regionkey ORDER BY 1
SELECT regionkey, sum(count(*)) OVER (ORDER BY regionkey) FROM nation GROUP BY regionkey ORDER BY 1
SELECT * FROM (SELECT name, regionkey, row_number() OVER (PARTITION BY regionkey ORDER BY name) rn FROM nation) WHERE rn = 1 ORDER BY regionkey
SELECT name, rank() OVER w, sum(nationkey) OVER w FROM nation WINDOW w AS (PARTITION BY regionkey ORDER BY name) ORDER BY name LIMIT 5
SELECT name, rank() OVER (w ORDER BY name) FROM nation WINDOW w AS (PARTITION BY regionkey) ORDER BY name LIMIT 5
SELECT regionkey, count(DISTINCT nationkey), rank() OVER (ORDER BY regionkey) FROM nation GROUP BY regionkey ORDER BY 1
SELECT regionkey, count(DISTINCT name) c, sum(count(DISTINCT name)) OVER () FROM nation GROUP BY regionkey ORDER BY 1
SELECT DISTINCT regionkey, count(*) OVER (PARTITION BY regionkey) FROM nation ORDER BY 1
SELECT name, lag(name) OVER w FROM nation WINDOW w AS (ORDER BY nationkey) ORDER BY nationkey LIMIT 3
SELECT name, sum(nationkey) OVER w FROM nation WINDOW w AS (PARTITION BY regionkey ORDER BY nationkey ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) ORDER BY nationkey LIMIT 5
SELECT regionkey, max(rank() OVER (ORDER BY nationkey)) FROM nation GROUP BY regionkey
SELECT DISTINCT row_number() OVER (ORDER BY name) % 3 FROM nation ORDER BY 1
SELECT DISTINCT regionkey, max(nationkey) OVER (PARTITION BY regionkey) m FROM nation ORDER BY m DESC
SELECT regionkey, avg(sum(nationkey)) OVER () FROM nation GROUP BY regionkey ORDER BY 1
SELECT regionkey, rank() OVER (ORDER BY sum(nationkey)) FROM nation GROUP BY regionkey HAVING sum(nationkey) > 40 ORDER BY 1
SELECT name FROM nation ORDER BY count(*) OVER (PARTITION BY regionkey) DESC, name LIMIT 3
SELECT DISTINCT count(*) OVER () FROM nation
SELECT count(DISTINCT regionkey), count(*) OVER () FROM nation
SELECT n.name, r.name FROM nation n JOIN region r ON n.regionkey = r.regionkey AND r.name <> 'ASIA' ORDER BY 1 LIMIT 5
SELECT n.name, r.name FROM nation n LEFT JOIN region r ON n.regionkey = r.regionkey AND r.regionkey > 2 ORDER BY 1 LIMIT 6
SELECT n.name, r.name FROM nation n RIGHT JOIN region r ON n.regionkey = r.regionkey AND n.nationkey < 3 ORDER BY 2, 1
SELECT n.name, r.name FROM nation n FULL JOIN region r ON n.regionkey = r.regionkey AND n.nationkey < 3 ORDER BY 2, 1
SELECT n.name, r.name FROM nation n FULL OUTER JOIN region r ON n.regionkey = r.regionkey + 3 ORDER BY 1 NULLS FIRST, 2 LIMIT 6
SELECT count(*) FROM nation n JOIN region r ON n.regionkey < r.regionkey
SELECT count(*) FROM nation n LEFT JOIN region r ON n.regionkey = r.regionkey OR n.nationkey = r.regionkey
SELECT n.name, s.name FROM nation n JOIN supplier s ON n.nationkey = s.nationkey AND s.acctbal > n.nationkey * 400 ORDER BY 2 LIMIT 5
SELECT regionkey, name FROM nation JOIN region USING (regionkey) ORDER BY 2 LIMIT 3
SELECT * FROM nation JOIN region USING (regionkey) ORDER BY nationkey LIMIT 2
SELECT regionkey, count(*) FROM nation LEFT JOIN region USING (regionkey) GROUP BY regionkey ORDER BY 1
SELECT x, a, b FROM (VALUES (1, 'a'), (2, 'b')) t(x, a) FULL JOIN (VALUES (2, 'B'), (3, 'C')) s(x, b) USING (x) ORDER BY x
SELECT * FROM (VALUES (1, 'a'), (2, 'b')) t(x, a) FULL JOIN (VALUES (2, 'B'), (3, 'C')) s(x, b) USING (x) ORDER BY x
SELECT x FROM (VALUES 1, 2) t(x) RIGHT JOIN (VALUES 2, 3) s(x) USING (x) ORDER BY 1
SELECT a.name, b.name FROM nation a JOIN nation b ON a.regionkey = b.regionkey AND a.nationkey < b.nationkey WHERE a.regionkey = 0 ORDER BY 1, 2
SELECT a.nationkey, count(b.nationkey) FROM nation a LEFT JOIN nation b ON b.nationkey = a.nationkey + 20 GROUP BY a.nationkey ORDER BY 1 LIMIT 6
SELECT count(*) FROM nation a CROSS JOIN nation b
SELECT name FROM nation WHERE regionkey = 1 UNION SELECT name FROM region ORDER BY 1 LIMIT 4
SELECT name FROM nation WHERE regionkey = 1 UNION ALL SELECT name FROM region ORDER BY name DESC LIMIT 3
SELECT regionkey FROM nation UNION SELECT nationkey FROM nation WHERE nationkey < 3 ORDER BY 1
SELECT 1 UNION SELECT 2.5 ORDER BY 1
SELECT 1 UNION ALL SELECT CAST(2 AS bigint) UNION ALL SELECT 3.5e0 ORDER BY 1
SELECT 'a' UNION SELECT 'bcd' ORDER BY 1
SELECT CAST('a' AS varchar(3)) x UNION ALL SELECT 'abcdef' ORDER BY 1
SELECT 1 UNION SELECT 'a'
SELECT x FROM (VALUES 1, 1, 2, 3, 3, 3) t(x) INTERSECT ALL SELECT x FROM (VALUES 1, 3, 3, 4) t(x) ORDER BY 1
SELECT x FROM (VALUES 1, 1, 2, 3, 3, 3) t(x) EXCEPT ALL SELECT x FROM (VALUES 1, 3, 4) t(x) ORDER BY 1
SELECT x FROM (VALUES 1, 1, 2, NULL) t(x) INTERSECT SELECT x FROM (VALUES 1, NULL) t(x) ORDER BY 1
SELECT x FROM (VALUES 1, 1, 2, NULL) t(x) EXCEPT SELECT x FROM (VALUES 1) t(x) ORDER BY 1
SELECT regionkey FROM nation INTERSECT SELECT regionkey FROM region WHERE regionkey > 1 ORDER BY 1
SELECT regionkey FROM nation EXCEPT SELECT regionkey FROM region WHERE regionkey > 1 ORDER BY 1
(SELECT name FROM region ORDER BY name LIMIT 2) UNION ALL (SELECT name FROM region ORDER BY name DESC LIMIT 1) ORDER BY 1
SELECT * FROM (SELECT 1 a UNION ALL SELECT 2) ORDER BY a DESC LIMIT 1
SELECT a FROM (SELECT 1 a, 'x' b UNION ALL SELECT 2, 'y') ORDER BY b DESC
WITH a AS (SELECT regionkey FROM nation), b AS (SELECT regionkey, count(*) c FROM a GROUP BY regionkey) SELECT * FROM b ORDER BY 1
WITH a AS (WITH inner_t AS (SELECT 1 x) SELECT x + 1 y FROM inner_t) SELECT y FROM a
WITH a(x, y) AS (VALUES (1, 'one'), (2, 'two')) SELECT y FROM a WHERE x = 2
WITH a AS (SELECT * FROM region) SELECT a1.name FROM a a1 JOIN a a2 ON a1.regionkey = a2.regionkey + 1 ORDER BY 1
WITH a AS (SELECT 1 x), b AS (SELECT x + 1 x FROM a), c AS (SELECT x * 10 x FROM b) SELECT * FROM c
VALUES (1, 'a'), (2, 'bb')
VALUES 1, 2.5
VALUES (1, 1.5), (2.25, 2)
VALUES (1, NULL), (NULL, 'x')
VALUES 1e0, 2
VALUES CAST(1 AS smallint), 100000
VALUES (1, 'a'), (2, 3)
SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS t(id, name) ORDER BY name DESC
SELECT id FROM (VALUES 1, 2, 3) t(id) ORDER BY id DESC LIMIT 2
SELECT name, regionkey FROM nation ORDER BY regionkey DESC, name LIMIT 4
SELECT name, regionkey r FROM nation ORDER BY r, name DESC LIMIT 4
SELECT name, regionkey FROM nation ORDER BY 2 DESC, 1 LIMIT 3
SELECT name FROM nation ORDER BY length(name) DESC, name LIMIT 3
SELECT x FROM (VALUES 1, NULL, 3) t(x) ORDER BY x NULLS FIRST
SELECT x FROM (VALUES 1, NULL, 3) t(x) ORDER BY x DESC NULLS LAST
SELECT x FROM (VALUES 1, NULL, 3) t(x) ORDER BY x DESC
SELECT x FROM (VALUES 1, NULL, 3) t(x) ORDER BY x
SELECT name FROM nation ORDER BY regionkey + nationkey DESC LIMIT 3
SELECT name n FROM nation ORDER BY n LIMIT 2
SELECT name AS regionkey FROM nation ORDER BY regionkey LIMIT 3
SELECT nationkey FROM nation ORDER BY nationkey OFFSET 20
SELECT nationkey FROM nation ORDER BY nationkey OFFSET 20 ROWS FETCH NEXT 2 ROWS ONLY
SELECT nationkey FROM nation ORDER BY nationkey OFFSET 22 LIMIT 10
SELECT regionkey FROM nation ORDER BY regionkey FETCH FIRST 6 ROWS WITH TIES
SELECT regionkey, name FROM nation ORDER BY regionkey DESC FETCH FIRST 1 ROW WITH TIES
SELECT regionkey FROM nation ORDER BY regionkey OFFSET 3 FETCH FIRST 3 ROWS WITH TIES
SELECT name FROM nation FETCH FIRST 2 ROWS ONLY
SELECT name FROM nation LIMIT 0
SELECT count(*) FROM (SELECT name FROM nation LIMIT 0)
SELECT regionkey, count(*) FROM nation GROUP BY 1 ORDER BY 1
SELECT regionkey r, count(*) FROM nation GROUP BY regionkey ORDER BY r
SELECT regionkey % 2 parity, count(*) FROM nation GROUP BY 1 ORDER BY 1
SELECT regionkey % 2, count(*) FROM nation GROUP BY regionkey % 2 ORDER BY 1
SELECT substr(name, 1, 1) c, count(*) FROM nation GROUP BY 1 HAVING count(*) > 1 ORDER BY 2 DESC, 1
SELECT count(*) FROM nation GROUP BY regionkey HAVING regionkey > 2 ORDER BY 1
SELECT a, b FROM (SELECT regionkey, count(*) FROM nation GROUP BY regionkey) AS t(a, b) ORDER BY a
SELECT t.a FROM (SELECT name, regionkey FROM nation) t(a, b) WHERE t.b = 0 ORDER BY 1
SELECT * FROM (SELECT 1, 2) t(a, b)
SELECT * FROM (VALUES (1, 2)) AS t(a, b) JOIN (VALUES (1, 3)) AS s(a, c) ON t.a = s.a
SELECT max(x) FROM (SELECT regionkey x FROM nation) s
SELECT count(DISTINCT regionkey), count(*) FROM nation
SELECT DISTINCT regionkey FROM nation ORDER BY 1 DESC LIMIT 2
SELECT DISTINCT regionkey, name < 'M' FROM nation ORDER BY 1, 2
SELECT sum(nationkey) FILTER (WHERE regionkey = 1), count(*) FILTER (WHERE name LIKE 'A%') FROM nation
SELECT regionkey, array_agg(name ORDER BY name DESC)[1] FROM nation GROUP BY regionkey ORDER BY 1
SELECT name FROM nation WHERE regionkey IN (1, 3) AND nationkey BETWEEN 5 AND 20 ORDER BY 1
SELECT name FROM nation WHERE name LIKE '%A' OR name LIKE 'C%' ORDER BY 1
SELECT CASE WHEN regionkey < 2 THEN 'low' ELSE 'high' END k, count(*) FROM nation GROUP BY 1 ORDER BY 1
SELECT n.name, r.name FROM nation n, region r WHERE n.regionkey = r.regionkey AND r.name = 'EUROPE' ORDER BY 1
SELECT count(*) FROM nation n, region r
SELECT o.orderpriority, count(*) FROM orders o WHERE EXISTS (SELECT 1 FROM lineitem l WHERE l.orderkey = o.orderkey AND l.commitdate < l.receiptdate) GROUP BY 1 ORDER BY 1
SELECT c.mktsegment, count(o.orderkey) FROM customer c LEFT JOIN orders o ON c.custkey = o.custkey AND o.totalprice > 300000 GROUP BY 1 ORDER BY 1
SELECT r.name, (SELECT count(*) FROM nation n WHERE n.regionkey = r.regionkey) FROM region r ORDER BY 1
SELECT name FROM region r WHERE NOT EXISTS (SELECT 1 FROM nation n WHERE n.regionkey = r.regionkey AND n.name LIKE 'Z%') ORDER BY 1
SELECT n.name FROM nation n WHERE n.nationkey = ANY (SELECT s.nationkey FROM supplier s WHERE s.acctbal > 9900) ORDER BY 1
SELECT a.x, b.y FROM (VALUES 1, 2) a(x) JOIN (VALUES 2, 3) b(y) ON a.x + 1 = b.y ORDER BY 1
SELECT a.x, b.y FROM (VALUES 1, 2) a(x) LEFT JOIN (VALUES 2, 3) b(y) ON a.x = b.y - 1 AND b.y > 2 ORDER BY 1
SELECT a.x FROM (VALUES 1, 2, NULL) a(x) JOIN (VALUES 1, NULL) b(y) ON a.x = b.y
SELECT a.x, b.y FROM (VALUES 1, 2, NULL) a(x) FULL JOIN (VALUES 1, NULL) b(y) ON a.x = b.y ORDER BY 1, 2
SELECT a.x FROM (VALUES 1, 2, NULL) a(x) JOIN (VALUES 1, NULL) b(y) ON a.x IS NOT DISTINCT FROM b.y ORDER BY 1
SELECT a.x, b.y FROM (VALUES 1, 2) a(x) JOIN (VALUES 1.0, 2.5) b(y) ON a.x = b.y
SELECT a.x, b.y FROM (VALUES CAST(1 AS bigint)) a(x) JOIN (VALUES CAST(1 AS smallint)) b(y) ON a.x = b.y
SELECT count(*) FROM lineitem l JOIN orders o ON l.orderkey = o.orderkey JOIN customer c ON o.custkey = c.custkey WHERE c.nationkey = 5
SELECT name FROM nation ORDER BY name LIMIT 3 OFFSET 2
SELECT * FROM region ORDER BY regionkey LIMIT 2
SELECT r.* FROM region r ORDER BY 1 LIMIT 1
SELECT r.*, 1 AS one FROM region r WHERE regionkey = 0
SELECT regionkey FROM nation GROUP BY regionkey HAVING count(*) = 5 AND max(name) > 'M' ORDER BY 1
SELECT count(*), sum(x) FROM (VALUES 1) t(x) WHERE false
SELECT regionkey, count(*) FROM nation WHERE false GROUP BY regionkey
SELECT max(regionkey) FROM nation HAVING max(regionkey) > 10
SELECT 1 FROM nation HAVING count(*) > 1
SELECT DISTINCT x FROM (VALUES 1.0, 1.00, 2) t(x) ORDER BY 1
SELECT x, y FROM (VALUES (1, 2)) t(x, y) ORDER BY y, x
SELECT n.name, x FROM nation n CROSS JOIN UNNEST(ARRAY[n.nationkey, n.regionkey]) AS u(x) WHERE n.nationkey < 2 ORDER BY 1, 2
SELECT n.name, x, o FROM nation n CROSS JOIN UNNEST(ARRAY[n.nationkey, n.regionkey]) WITH ORDINALITY AS u(x, o) WHERE n.nationkey < 2 ORDER BY 1, 3
SELECT x, y FROM UNNEST(ARRAY[1, 2], ARRAY['a', 'b', 'c']) AS u(x, y) ORDER BY y
SELECT n.name, a, b FROM nation n CROSS JOIN UNNEST(ARRAY[1], ARRAY[2, 3]) AS u(a, b) WHERE n.nationkey = 0
SELECT * FROM UNNEST(ARRAY[ROW(1, 'a')]) WITH ORDINALITY AS u(i, s, o)
SELECT count(*) FROM nation n, UNNEST(ARRAY[1, 2, 3]) u(x)
SELECT r.name, s FROM region r CROSS JOIN UNNEST(split(r.comment, ' ')) AS u(s) WHERE r.regionkey = 0 ORDER BY s LIMIT 3
SELECT k, sum(v) FROM (VALUES MAP(ARRAY['a', 'b'], ARRAY[1, 2]), MAP(ARRAY['a'], ARRAY[5])) t(m) CROSS JOIN UNNEST(m) AS u(k, v) GROUP BY k ORDER BY k
SELECT * FROM (SELECT x FROM UNNEST(ARRAY[3, 1, 2]) u(x) ORDER BY x LIMIT 2) ORDER BY x DESC
SELECT n.name, l.c FROM nation n LEFT JOIN LATERAL (SELECT count(*) c FROM supplier s WHERE s.nationkey = n.nationkey AND s.acctbal > 9000) l ON true ORDER BY 2 DESC, 1 LIMIT 3
SELECT r.name, l.n FROM region r CROSS JOIN LATERAL (SELECT n.name n FROM nation n WHERE n.regionkey = r.regionkey AND n.nationkey > 20) l ORDER BY 1, 2
SELECT r.name, x FROM region r, LATERAL (SELECT r.regionkey + 1 x) ORDER BY 1
SELECT n.name FROM nation n WHERE EXISTS (SELECT * FROM region r WHERE r.regionkey = n.regionkey) AND n.nationkey < 2 ORDER BY 1
SELECT n.name FROM nation n WHERE n.nationkey < 3 AND (SELECT r.name FROM region r WHERE r.regionkey = n.regionkey) LIKE 'A%' ORDER BY 1
SELECT (SELECT n.name FROM nation n WHERE n.regionkey = r.regionkey) FROM region r
SELECT r.name FROM region r WHERE r.regionkey = (SELECT n.regionkey FROM nation n)
SELECT r.name, (SELECT max(n.nationkey) FROM nation n WHERE n.regionkey = r.regionkey HAVING count(*) > 10) FROM region r ORDER BY 1
SELECT r.name FROM region r WHERE r.regionkey IN (SELECT n.regionkey FROM nation n WHERE n.name LIKE 'I%') ORDER BY 1
SELECT r.name FROM region r WHERE r.regionkey NOT IN (SELECT n.regionkey FROM nation n WHERE n.name LIKE 'I%') ORDER BY 1
SELECT r.name, r.regionkey IN (SELECT n.regionkey FROM nation n WHERE n.name LIKE 'I%') FROM region r ORDER BY 1
SELECT x, x NOT IN (SELECT y FROM (VALUES 1, NULL) s(y)) FROM (VALUES 1, 2) t(x) ORDER BY 1
SELECT x FROM (VALUES 1, 2) t(x) WHERE x NOT IN (SELECT y FROM (VALUES 1, NULL) s(y) WHERE y IS NOT NULL)
SELECT r.name FROM region r WHERE (SELECT count(*) FROM nation n WHERE n.regionkey = r.regionkey) = 5 ORDER BY 1
SELECT regionkey, count(*) FROM nation n GROUP BY regionkey HAVING EXISTS (SELECT 1 FROM region r WHERE r.regionkey = n.regionkey AND r.name LIKE 'A%') ORDER BY 1
SELECT n.name FROM nation n JOIN region r ON n.regionkey = r.regionkey AND n.nationkey IN (SELECT s.nationkey FROM supplier s WHERE s.acctbal > 9900) ORDER BY 1
SELECT n.name, (SELECT count(*) FROM supplier s WHERE s.nationkey = n.nationkey AND s.acctbal > (SELECT avg(acctbal) FROM supplier)) FROM nation n ORDER BY 1 LIMIT 3
SELECT name, rank() OVER (ORDER BY regionkey), dense_rank() OVER (ORDER BY regionkey) FROM nation ORDER BY 2 DESC, 1 LIMIT 3
SELECT regionkey, count(*) c, row_number() OVER (ORDER BY count(*) DESC, regionkey) FROM nation GROUP BY regionkey ORDER BY 3
SELECT regionkey, max(name), lag(max(name)) OVER (ORDER BY regionkey) FROM nation GROUP BY regionkey ORDER BY 1
SELECT name FROM (SELECT name, rank() OVER (PARTITION BY regionkey ORDER BY nationkey DESC) r FROM nation) WHERE r <= 2 ORDER BY 1
SELECT name, sum(nationkey) OVER w, avg(nationkey) OVER w FROM nation WHERE regionkey = 0 WINDOW w AS (ORDER BY nationkey) ORDER BY 1
SELECT name, first_value(name) OVER w FROM nation WHERE regionkey = 1 WINDOW w AS (PARTITION BY regionkey ORDER BY name DESC) ORDER BY 1
SELECT regionkey, count(DISTINCT name), max(count(*)) OVER () FROM nation GROUP BY regionkey ORDER BY 1
SELECT DISTINCT regionkey, count(*) OVER (PARTITION BY regionkey) c FROM nation ORDER BY c, regionkey
SELECT name, percent_rank() OVER (ORDER BY nationkey) FROM nation WHERE nationkey < 4 ORDER BY 1
SELECT name, ntile(2) OVER (ORDER BY nationkey) FROM nation WHERE nationkey < 4 ORDER BY 1
SELECT nationkey FROM nation ORDER BY nationkey DESC LIMIT 2 OFFSET 1
SELECT x FROM (VALUES 2, 1, 3) t(x) ORDER BY x LIMIT ALL
SELECT x FROM (VALUES 1, 2) t(x) UNION SELECT y FROM (VALUES 2, 3) s(y) ORDER BY 1 DESC LIMIT 2
SELECT x FROM (VALUES 1, 2) t(x) UNION ALL SELECT y FROM (VALUES 2, 3) s(y) ORDER BY x
SELECT * FROM ((SELECT 1 a) UNION ALL (SELECT 2)) t ORDER BY 1
SELECT a, b FROM (VALUES (1, 'x')) t(a, b) UNION ALL SELECT 2.5, CAST('yy' AS varchar(5)) ORDER BY 1
SELECT DATE '2020-01-01' UNION SELECT TIMESTAMP '2020-01-02 00:00:00' ORDER BY 1
SELECT x FROM (VALUES 1, 2, 3) t(x) EXCEPT SELECT 2 INTERSECT SELECT 3
SELECT x FROM (VALUES 1, 2, 3) t(x) UNION SELECT 4 EXCEPT SELECT 1 ORDER BY 1
SELECT count(*) FROM (SELECT regionkey FROM nation INTERSECT ALL SELECT regionkey FROM nation WHERE nationkey < 10)
SELECT * FROM (VALUES (1, 'a'), (1, 'a'), (2, 'b')) t(x, y) EXCEPT ALL SELECT * FROM (VALUES (1, 'a')) s(x, y)
SELECT count(*) FROM region r1 JOIN region r2 USING (regionkey, name)
SELECT regionkey, r.name FROM nation JOIN region r USING (regionkey) WHERE nationkey = 3
SELECT nationkey, regionkey FROM nation n1 JOIN nation n2 USING (nationkey, regionkey) WHERE nationkey < 2 ORDER BY 1
SELECT n.name FROM nation n LEFT JOIN region r ON n.regionkey = r.regionkey WHERE r.name IS NULL
SELECT a.x, b.x FROM (VALUES 1, 2) a(x) LEFT JOIN (VALUES 1) b(x) ON a.x = b.x WHERE b.x IS NULL
SELECT count(*) FROM nation n JOIN region r ON true
SELECT count(*) FROM nation n LEFT JOIN region r ON false
SELECT n.name, r.name FROM nation n LEFT JOIN region r ON n.regionkey = r.regionkey AND false WHERE n.nationkey = 1
SELECT o.orderkey, l.linenumber FROM orders o JOIN lineitem l ON o.orderkey = l.orderkey AND l.linenumber = 1 ORDER BY 1 LIMIT 3
SELECT c.name FROM customer c WHERE c.custkey NOT IN (SELECT o.custkey FROM orders o) ORDER BY 1 LIMIT 3
SELECT count(*) FROM customer c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.custkey = c.custkey)
SELECT t.a + t.b FROM (SELECT nationkey, regionkey FROM nation) AS t(a, b) ORDER BY 1 DESC LIMIT 2
SELECT x.* FROM (SELECT 1 a, 2 b) x
SELECT * FROM (SELECT * FROM region) r(k, n, c) WHERE k = 1
WITH t AS (SELECT regionkey, count(*) c FROM nation GROUP BY regionkey) SELECT max(c), min(c) FROM t
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5) SELECT sum(n) FROM t
SELECT regionkey AS k, count(*) FROM nation GROUP BY k ORDER BY k
SELECT name, regionkey FROM nation GROUP BY 1, 2 ORDER BY 2, 1 LIMIT 2
SELECT count(*) FROM (SELECT DISTINCT regionkey, nationkey % 2 FROM nation)
SELECT x FROM (VALUES 'b', 'a', NULL) t(x) ORDER BY x DESC NULLS FIRST
SELECT x, y FROM (VALUES (1, NULL), (1, 2), (NULL, 1)) t(x, y) ORDER BY x NULLS FIRST, y NULLS LAST
SELECT -x AS x FROM (VALUES 1, 2) t(x) ORDER BY x
SELECT x AS y, -x AS x FROM (VALUES 1, 2) t(x) ORDER BY x
SELECT nationkey FROM nation ORDER BY nationkey LIMIT 3 OFFSET 0
SELECT n, x, y FROM (VALUES (1, ARRAY[1,2], ARRAY['a','b','c'])) t(n, a, b) CROSS JOIN UNNEST(a, b) AS u(x, y) ORDER BY y
SELECT n, x, y, o FROM (VALUES (1, ARRAY[1,2], ARRAY['a'])) t(n, a, b) CROSS JOIN UNNEST(a, b) WITH ORDINALITY AS u(x, y, o) ORDER BY o
SELECT k, v, o FROM UNNEST(MAP(ARRAY['a','b'], ARRAY[10,20])) WITH ORDINALITY AS u(k, v, o) ORDER BY k
SELECT x, k, v FROM UNNEST(ARRAY[1,2,3], MAP(ARRAY['a'], ARRAY[1])) AS u(x, k, v) ORDER BY x
SELECT a, b FROM UNNEST(ARRAY[ROW(1,'x'), ROW(2,'y')]) AS u(a, b) WHERE a > 1
SELECT count(*), sum(x) FROM UNNEST(sequence(1, 100)) AS u(x)
SELECT x FROM UNNEST(ARRAY[ARRAY[1,2], ARRAY[3]]) AS u(x) ORDER BY cardinality(x)
SELECT y FROM UNNEST(ARRAY[ARRAY[1,2], ARRAY[3]]) AS u(x) CROSS JOIN UNNEST(x) AS v(y) ORDER BY y
SELECT n.name, x FROM nation n CROSS JOIN UNNEST(ARRAY[n.nationkey, n.regionkey]) WITH ORDINALITY AS u(x, o) WHERE n.nationkey < 2 ORDER BY 1, o
SELECT r.name, w FROM region r CROSS JOIN UNNEST(split(r.name, 'A')) AS u(w) WHERE w <> '' ORDER BY 1, 2
SELECT x FROM UNNEST(ARRAY[3,1,2]) AS u(x) ORDER BY x DESC LIMIT 2
SELECT x, count(*) FROM UNNEST(ARRAY[1,1,2,3,3,3]) AS u(x) GROUP BY x ORDER BY 2 DESC
SELECT * FROM UNNEST(ARRAY[1,2]) WITH ORDINALITY
SELECT * FROM UNNEST(ARRAY['a','b'], ARRAY[1]) WITH ORDINALITY t(s, i, o)
SELECT t.n, u.x FROM (VALUES (1, ARRAY[1,2]), (2, NULL)) t(n, a) CROSS JOIN UNNEST(a) u(x) ORDER BY 1, 2
SELECT n, x FROM (VALUES (1, ARRAY[ROW(1,'a')]), (2, ARRAY[ROW(2,'b'), ROW(3,'c')])) t(n, a) CROSS JOIN UNNEST(a) AS u(x, y) ORDER BY n, x
SELECT n, y FROM (VALUES (1, ARRAY[ROW(1,'a')]), (2, ARRAY[ROW(2,'b'), ROW(3,'c')])) t(n, a) CROSS JOIN UNNEST(a) AS u(x, y) WHERE x >= 2 ORDER BY y
SELECT n, (SELECT max(x) FROM UNNEST(a) AS u(x)) FROM (VALUES (1, ARRAY[1,2,3]), (2, ARRAY[4])) t(n, a) ORDER BY n
SELECT n, (SELECT count(*) FROM UNNEST(a)) FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[]), (3, NULL)) t(n, a) ORDER BY n
SELECT n, (SELECT max(x) FROM UNNEST(a) u(x)) FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[]), (3, NULL)) t(n, a) ORDER BY n
SELECT n, (SELECT sum(x) * 2 FROM UNNEST(a) u(x)) FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[])) t(n, a) ORDER BY n
SELECT n, (SELECT avg(x) FROM UNNEST(a) u(x)) FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[])) t(n, a) ORDER BY n
SELECT n, (SELECT array_agg(x) FROM UNNEST(a) u(x)) FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[])) t(n, a) ORDER BY n
SELECT n, (SELECT string_agg(x, ',') FROM UNNEST(a) u(x)) FROM (VALUES (1, ARRAY['p','q']), (2, ARRAY[])) t(n, a) ORDER BY n
SELECT n, (SELECT count(x) FROM UNNEST(a) u(x)) FROM (VALUES (1, ARRAY[1,NULL,2])) t(n, a)
SELECT n, (SELECT count(*) FROM UNNEST(a) u(x)) FROM (VALUES (1, ARRAY[1,NULL,2])) t(n, a)
SELECT n, (SELECT sum(v) FROM UNNEST(m) u(k, v)) FROM (VALUES (1, MAP(ARRAY['a','b'], ARRAY[1,2])), (2, MAP())) t(n, m) ORDER BY n
SELECT n FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[5])) t(n, a) WHERE (SELECT max(x) FROM UNNEST(a) u(x)) > 3
SELECT n, l.c FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[])) t(n, a) CROSS JOIN LATERAL (SELECT count(*) c FROM UNNEST(a)) l ORDER BY n
SELECT n, l.c FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[])) t(n, a) LEFT JOIN LATERAL (SELECT count(*) c FROM UNNEST(a)) l ON true ORDER BY n
SELECT r.name, (SELECT count(*) FROM UNNEST(split(r.comment, ' '))) FROM region r ORDER BY 1
SELECT n, EXISTS (SELECT 1 FROM UNNEST(a) u(x) WHERE x > 1) FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[1])) t(n, a) ORDER BY n
SELECT * FROM (VALUES ARRAY[1,2]) t(a) WHERE EXISTS (SELECT 1 FROM UNNEST(a) u(x) WHERE x > 1)
SELECT n FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[])) t(n, a) WHERE 2 IN (SELECT x FROM UNNEST(a) u(x))
SELECT name FROM nation WHERE regionkey IN (SELECT regionkey FROM region WHERE name LIKE 'A%') ORDER BY 1 LIMIT 5
SELECT name FROM nation WHERE regionkey NOT IN (SELECT regionkey FROM region WHERE name LIKE 'A%') ORDER BY 1 LIMIT 5
SELECT name FROM nation WHERE (regionkey, nationkey) IN (SELECT regionkey, min(nationkey) FROM nation GROUP BY regionkey) ORDER BY 1
SELECT name FROM nation WHERE nationkey IN (1, 2, 3) AND regionkey IN (SELECT regionkey FROM region) ORDER BY 1
SELECT name, nationkey IN (SELECT nationkey FROM supplier) FROM nation ORDER BY 1 LIMIT 3
SELECT regionkey, count(*) FROM nation GROUP BY regionkey HAVING count(*) >= (SELECT avg(c) FROM (SELECT count(*) c FROM nation GROUP BY regionkey)) ORDER BY 1
SELECT regionkey FROM nation n GROUP BY regionkey HAVING max(nationkey) > (SELECT max(r.regionkey) * 4 FROM region r) ORDER BY 1
SELECT n.name, (SELECT r.name FROM region r WHERE r.regionkey = n.regionkey) FROM nation n ORDER BY 1 LIMIT 4
SELECT n.name FROM nation n WHERE n.nationkey = (SELECT max(n2.nationkey) FROM nation n2 WHERE n2.regionkey = n.regionkey) ORDER BY 1
SELECT regionkey, name FROM nation n WHERE nationkey > (SELECT avg(nationkey) FROM nation n2 WHERE n2.regionkey = n.regionkey) ORDER BY 1, 2
SELECT name FROM region UNION SELECT name FROM nation WHERE regionkey = 0 ORDER BY 1 LIMIT 4
SELECT name FROM region UNION ALL SELECT name FROM region ORDER BY 1 DESC LIMIT 3
SELECT regionkey FROM nation INTERSECT SELECT regionkey FROM region WHERE regionkey < 3 ORDER BY 1
SELECT regionkey FROM region EXCEPT SELECT regionkey FROM nation WHERE regionkey > 1 ORDER BY 1
(SELECT name FROM region ORDER BY name LIMIT 2) UNION ALL (SELECT name FROM nation ORDER BY name DESC LIMIT 2) ORDER BY 1
SELECT * FROM (SELECT 1 x UNION SELECT 2 UNION SELECT 1) ORDER BY x
SELECT x FROM (VALUES 1, 2, 2, 3) t(x) EXCEPT ALL SELECT x FROM (VALUES 2) t(x) ORDER BY 1
SELECT x FROM (VALUES 1, 2, 2, 3) t(x) INTERSECT ALL SELECT x FROM (VALUES 2, 2, 5) t(x) ORDER BY 1
SELECT regionkey, count(*) FROM nation GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3
SELECT length(name) l, count(*) FROM nation GROUP BY 1 ORDER BY 1
SELECT substr(name, 1, 1), count(*) FROM nation GROUP BY substr(name, 1, 1) HAVING count(*) > 1 ORDER BY 1
SELECT CASE WHEN regionkey < 2 THEN 'low' ELSE 'high' END, count(*) FROM nation GROUP BY 1 ORDER BY 1
SELECT ROW(regionkey, regionkey * 2), count(*) FROM nation GROUP BY 1 ORDER BY 1
SELECT CASE WHEN n > 1 THEN ARRAY[1,2] ELSE ARRAY[3] END FROM (VALUES 1, 2) t(n) ORDER BY n
SELECT CASE WHEN r.x > 1 THEN r END FROM (SELECT CAST(ROW(2, 'a') AS ROW(x int, s varchar)) r)
SELECT coalesce(m['a'], -1) FROM (VALUES MAP(ARRAY['a'], ARRAY[1]), MAP(ARRAY['b'], ARRAY[2])) t(m)
SELECT r.x, r.s FROM (SELECT CAST(ROW(2, 'a') AS ROW(x int, s varchar)) r)
SELECT (r).s FROM (SELECT CAST(ROW(2, 'a') AS ROW(x int, s varchar)) r) WHERE (r).x = 2
SELECT a[1].x FROM (SELECT ARRAY[CAST(ROW(1, 'a') AS ROW(x int, s varchar))] a)
SELECT x, s FROM UNNEST(ARRAY[CAST(ROW(1, 'a') AS ROW(x int, s varchar)), CAST(ROW(2, 'b') AS ROW(x int, s varchar))]) u ORDER BY x DESC
SELECT r.x FROM (SELECT CAST(ROW(1, ROW(2, 3)) AS ROW(x int, y ROW(a int, b int))) r)
SELECT r.y.b FROM (SELECT CAST(ROW(1, ROW(2, 3)) AS ROW(x int, y ROW(a int, b int))) r)
SELECT (r).y.a FROM (SELECT CAST(ROW(1, ROW(2, 3)) AS ROW(x int, y ROW(a int, b int))) r)
SELECT r FROM (SELECT CAST(ROW(1,2) AS ROW(x int, y int)) r UNION ALL SELECT CAST(ROW(3,0) AS ROW(x int, y int))) ORDER BY (r).y
SELECT r FROM (SELECT CAST(ROW(1,2) AS ROW(x int, y int)) r UNION ALL SELECT CAST(ROW(3,0) AS ROW(x int, y int))) ORDER BY r.y DESC
SELECT (r).x, (r).y FROM (SELECT CAST(ROW(1,2) AS ROW(x int, y int)) r) ORDER BY (r).x
SELECT a FROM (VALUES (ARRAY[3,1], 1), (ARRAY[2], 2), (ARRAY[3], 3)) t(a, n) ORDER BY a
SELECT a FROM (VALUES (ARRAY[3,1], 1), (ARRAY[2], 2), (ARRAY[3], 3)) t(a, n) ORDER BY a DESC LIMIT 2
SELECT n, r FROM (VALUES (1, ROW(2, 'b')), (2, ROW(2, 'a')), (3, ROW(1, 'z'))) t(n, r) ORDER BY r
SELECT max(a), min(a) FROM (VALUES ARRAY[1,2], ARRAY[1,3], ARRAY[0]) t(a)
SELECT ARRAY[INTERVAL '1' DAY, INTERVAL '2' HOUR]
SELECT ARRAY[INTERVAL '1' YEAR, INTERVAL '2' MONTH]
SELECT ARRAY[INTERVAL '3' DAY]
SELECT * FROM (VALUES (1, INTERVAL '1' DAY), (2, INTERVAL '2' SECOND)) t(n, i)
SELECT * FROM (VALUES (1, INTERVAL '1' YEAR), (2, INTERVAL '2' MONTH)) t(n, i)
SELECT * FROM (VALUES (1, ARRAY[]), (2, ARRAY[ROW(1,'a')])) t(n, a) ORDER BY n
VALUES ARRAY[], ARRAY[1]
SELECT ARRAY[ARRAY[], ARRAY[1]]
SELECT * FROM (VALUES (1, ARRAY[]), (2, ARRAY['x'])) t(n, a)
SELECT coalesce(ARRAY[], ARRAY[1])
SELECT CASE WHEN true THEN ARRAY[] ELSE ARRAY[ROW(1,'a')] END
SELECT n.name, l.x FROM nation n CROSS JOIN LATERAL (SELECT n.nationkey + 1 AS x) l WHERE n.nationkey < 3 ORDER BY 1
SELECT n.name, l.x FROM nation n, LATERAL (SELECT x FROM UNNEST(ARRAY[n.nationkey, n.regionkey]) u(x)) l WHERE n.nationkey < 2 ORDER BY 1, 2
SELECT t.n, l.s FROM (VALUES 1, 2) t(n), LATERAL (SELECT sum(x) s FROM UNNEST(sequence(1, t.n)) u(x)) l ORDER BY 1
SELECT regionkey, array_agg(name ORDER BY name)[1] FROM nation GROUP BY regionkey ORDER BY 1
SELECT regionkey, map_agg(nationkey, name)[regionkey * 5] FROM nation GROUP BY regionkey ORDER BY 1
SELECT cardinality(array_agg(DISTINCT regionkey)) FROM nation
SELECT zip(ARRAY[1,2], ARRAY['a','b'])
SELECT x FROM (VALUES 1, 2, 3) t(x) WHERE x = ANY (VALUES 2, 3) ORDER BY 1
SELECT x FROM (VALUES 1, 2, 3) t(x) WHERE x IN (VALUES 2, 3) ORDER BY 1
SELECT x FROM (VALUES 1, 2, 3) t(x) WHERE x NOT IN (VALUES 2) ORDER BY 1
SELECT (SELECT count(*) FROM region) + (SELECT count(*) FROM nation)
SELECT name FROM region ORDER BY (SELECT count(*) FROM nation n WHERE n.regionkey = region.regionkey), name
SELECT name FROM nation ORDER BY regionkey DESC, name LIMIT 3 OFFSET 2
SELECT name FROM nation ORDER BY name OFFSET 22
SELECT name FROM nation ORDER BY name FETCH FIRST 2 ROWS ONLY
SELECT regionkey, name FROM nation ORDER BY regionkey FETCH FIRST 2 ROWS WITH TIES
SELECT a, count(*) FROM (VALUES ROW(1, 'a'), ROW(1, 'a')) t(a, b) GROUP BY a
SELECT t.* FROM (VALUES (1, 'a'), (2, 'b')) t(x, y) ORDER BY x DESC
SELECT t.*, u.* FROM (VALUES 1) t(x) CROSS JOIN (VALUES 'a') u(y)
SELECT x, y FROM (VALUES 1, 2) t(x) JOIN (VALUES 2, 3) u(y) ON x = y
SELECT x, y FROM (VALUES 1, 2) t(x) FULL JOIN (VALUES 2, 3) u(y) ON x = y ORDER BY 1, 2
SELECT x, y FROM (VALUES 1, 2) t(x) LEFT JOIN (VALUES 2, 3) u(y) ON x = y AND y > 2 ORDER BY 1
SELECT * FROM (VALUES (1, 'a')) t(x, y) JOIN (VALUES (1, 'b')) u(x, z) USING (x)
SELECT element_at(a, -1), a[cardinality(a)] FROM (VALUES ARRAY[1,2,3]) t(a)
SELECT slice(a, 2, 2), reverse(a), array_sort(a), contains(a, 2) FROM (VALUES ARRAY[3,2,1]) t(a)
SELECT flatten(ARRAY[ARRAY[1], ARRAY[2,3]])
SELECT map_keys(m), map_values(m) FROM (VALUES MAP(ARRAY['a'], ARRAY[ARRAY[1]])) t(m)
SELECT m['a'][1] FROM (VALUES MAP(ARRAY['a'], ARRAY[ARRAY[1]])) t(m)
SELECT ARRAY[ROW(1, ARRAY['a'])][1][2][1]
SELECT CAST(ROW(1, 'a') AS ROW(x bigint, y varchar)).y
SELECT CAST(ARRAY[ROW(1, 'a')] AS ARRAY(ROW(x bigint, y varchar)))[1].x
SELECT x FROM (SELECT 1 x) WHERE x IN (SELECT 1 UNION SELECT 2)
SELECT exists(SELECT 1 FROM region WHERE false), exists(SELECT 1 FROM region)
SELECT n, s.m FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[5,1,7])) t(n, a) CROSS JOIN LATERAL (SELECT max(x) m FROM UNNEST(a) u(x)) s ORDER BY n
SELECT n, (SELECT array_agg(x ORDER BY x DESC) FROM UNNEST(a) u(x)) FROM (VALUES (1, ARRAY[2, 3, 1]), (1, ARRAY[7])) t(n, a) ORDER BY 2
SELECT n, (SELECT max(k) || ':' || CAST(sum(v) AS varchar) FROM UNNEST(m) u(k, v)) FROM (VALUES (1, MAP(ARRAY['a', 'b'], ARRAY[1, 2]))) t(n, m)
SELECT n FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[]), (3, NULL)) t(n, a) WHERE (SELECT count(*) FROM UNNEST(a)) < 2 ORDER BY n
SELECT r FROM (VALUES (CAST(ROW(1,2) AS ROW(x int, y int)), 1), (CAST(ROW(3,0) AS ROW(x int, y int)), 2)) t(r, n) ORDER BY (r).y
SELECT r.y FROM (VALUES (CAST(ROW(1,2) AS ROW(x int, y int)), 1), (CAST(ROW(3,0) AS ROW(x int, y int)), 2)) t(r, n) ORDER BY r.x DESC
SELECT (r).x, (r).y FROM (SELECT CAST(ROW(1,2) AS ROW(x int, y int)) r UNION ALL SELECT CAST(ROW(3,0) AS ROW(x int, y int))) ORDER BY (r).y * 10 + (r).x DESC
SELECT (r).y, count(*) FROM (VALUES (CAST(ROW(1,2) AS ROW(x int, y int)), 1), (CAST(ROW(3,2) AS ROW(x int, y int)), 2)) t(r, n) GROUP BY (r).y ORDER BY (r).y
SELECT (r).x FROM (VALUES (CAST(ROW(1,2) AS ROW(x int, y int)), 1), (CAST(ROW(3,0) AS ROW(x int, y int)), 2)) t(r, n) ORDER BY max((r).y) OVER (), (r).x NULLS FIRST
SELECT count(DISTINCT a) FROM (VALUES ARRAY[1], ARRAY[1], ARRAY[2]) t(a)
SELECT ARRAY[regionkey], count(*) FROM nation GROUP BY ARRAY[regionkey] ORDER BY 1
SELECT ARRAY[1,2] UNION SELECT ARRAY[1,2] UNION SELECT ARRAY[3] ORDER BY 1
SELECT DISTINCT a FROM (VALUES ARRAY[1], ARRAY[1], ARRAY[2]) t(a) ORDER BY 1
SELECT DISTINCT r FROM (VALUES (CAST(ROW(1, 'a') AS ROW(x int, s varchar)), 1), (CAST(ROW(1, 'a') AS ROW(x int, s varchar)), 2), (CAST(ROW(2, 'b') AS ROW(x int, s varchar)), 3)) t(r, n) ORDER BY r
SELECT a, count(*) FROM (VALUES ARRAY[0.0E0], ARRAY[0.0E0], ARRAY[nan()], ARRAY[nan()], ARRAY[1.0E0]) t(a) GROUP BY a ORDER BY 2, 1
SELECT MAP(ARRAY[INTERVAL '1' DAY, INTERVAL '2' HOUR], ARRAY[1, 2])
SELECT n, a FROM (VALUES (1, ARRAY[2, 3, 1]), (2, ARRAY[7]), (3, ARRAY[2, 3]), (4, NULL)) t(n, a) ORDER BY 2
SELECT n, a, (SELECT max(x) FROM UNNEST(a) u(x)) FROM (VALUES (1, ARRAY[3,1,2]), (2, ARRAY[9])) t(n, a) ORDER BY n
SELECT n, (SELECT min(x) FROM UNNEST(a) u(x)), (SELECT max(x) FROM UNNEST(a) u(x)) FROM (VALUES (1, ARRAY[3,1,2]), (2, ARRAY[9])) t(n, a) ORDER BY n
SELECT n, (SELECT count(*) FROM UNNEST(a) u(x)) + (SELECT count(*) FROM UNNEST(b) v(y)) FROM (VALUES (1, ARRAY[1], ARRAY[1,2])) t(n, a, b)
SELECT arbitrary(a), any_value(r) FROM (VALUES (ARRAY[1], CAST(ROW(1, 'a') AS ROW(x int, s varchar)))) t(a, r)
SELECT o.orderkey, (SELECT count(*) FROM lineitem l WHERE l.orderkey = o.orderkey) FROM orders o ORDER BY 1 LIMIT 3
SELECT custkey, count(*) FROM orders GROUP BY custkey HAVING count(*) > (SELECT 25) ORDER BY 1 LIMIT 3
SELECT n.name, array_agg(s.name ORDER BY s.name)[1] FROM nation n JOIN supplier s ON s.nationkey = n.nationkey GROUP BY n.name ORDER BY 1 LIMIT 3
SELECT x, y FROM UNNEST(ARRAY[1,2,3]) u(x) CROSS JOIN UNNEST(ARRAY['a','b']) v(y) ORDER BY 1, 2
SELECT a, x FROM (VALUES ARRAY[3,1,2]) t(a) CROSS JOIN UNNEST(array_sort(a)) WITH ORDINALITY u(x, o) ORDER BY o
SELECT n, (SELECT sum(x * y) FROM UNNEST(a, b) u(x, y)) FROM (VALUES (1, ARRAY[1,2], ARRAY[3,4])) t(n, a, b)
SELECT n, (SELECT max(x) FROM UNNEST(a) u(x)) m FROM (VALUES (1, ARRAY[3,1,2]), (2, ARRAY[9])) t(n, a) ORDER BY m DESC
SELECT count(*) FROM (VALUES (1, ARRAY[3,1,2]), (2, ARRAY[9])) t(n, a) WHERE (SELECT max(x) FROM UNNEST(a) u(x)) = 9
SELECT n.regionkey, max(c) FROM nation n CROSS JOIN LATERAL (SELECT count(*) c FROM UNNEST(split(n.comment, ' '))) l GROUP BY 1 ORDER BY 1
SELECT name FROM nation WHERE cardinality(split(comment, ' ')) > (SELECT avg(cardinality(split(comment, ' '))) FROM nation) ORDER BY 1 LIMIT 3
SELECT DISTINCT split(name, 'A')[1] FROM nation ORDER BY 1 LIMIT 4
SELECT DISTINCT ARRAY[regionkey, regionkey] FROM nation ORDER BY 1
SELECT a, count(*) FROM (SELECT ARRAY[regionkey % 2] a FROM nation) GROUP BY a ORDER BY 1
SELECT r, count(*) FROM (SELECT ROW(regionkey % 2, 'x') r FROM nation) GROUP BY r ORDER BY 1
SELECT ARRAY[name] FROM region INTERSECT SELECT ARRAY[name] FROM region WHERE regionkey < 2 ORDER BY 1
SELECT ARRAY[name] FROM region EXCEPT SELECT ARRAY[name] FROM region WHERE regionkey < 2 ORDER BY 1
SELECT n, rank() OVER (ORDER BY a) FROM (VALUES (1, ARRAY[2]), (2, ARRAY[1]), (3, ARRAY[1,0])) t(n, a) ORDER BY n
SELECT n, row_number() OVER (PARTITION BY a ORDER BY n) FROM (VALUES (1, ARRAY[2]), (2, ARRAY[2]), (3, ARRAY[1])) t(n, a) ORDER BY n
SELECT max(r), min(r) FROM (VALUES ROW(1, 'b'), ROW(1, 'a')) t(x, y) CROSS JOIN (SELECT ROW(1, 2) r)
SELECT n, lag(a) OVER (ORDER BY n) FROM (VALUES (1, ARRAY[2]), (2, ARRAY[1])) t(n, a) ORDER BY n
SELECT CASE WHEN n = 1 THEN ROW(1, 'a') ELSE ROW(2, 'b') END FROM (VALUES 1, 2) t(n) ORDER BY 1
SELECT CASE WHEN n = 1 THEN MAP(ARRAY['a'], ARRAY[1]) END FROM (VALUES 1, 2) t(n) ORDER BY n
SELECT if(n = 1, ARRAY['x'], ARRAY[]) FROM (VALUES 1, 2) t(n) ORDER BY n
SELECT coalesce(a, ARRAY[]) FROM (VALUES ARRAY[1], NULL) t(a) ORDER BY cardinality(coalesce(a, ARRAY[]))
SELECT nullif(ARRAY[1], ARRAY[1]), nullif(ARRAY[1], ARRAY[2])
SELECT ARRAY[1] IN (ARRAY[1], ARRAY[2]), ROW(1, 'a') IN (ROW(1, 'a'))
SELECT x FROM (VALUES 1, 2, 3) t(x) WHERE x IN (SELECT y FROM UNNEST(ARRAY[2, 3]) u(y)) ORDER BY 1
SELECT x FROM (VALUES 1, 2, 3) t(x) WHERE EXISTS (SELECT 1 FROM UNNEST(ARRAY[2, 3]) u(y) WHERE y = x) ORDER BY 1
SELECT name FROM region r WHERE EXISTS (SELECT 1 FROM UNNEST(split(r.name, ' ')) u(w) WHERE w = 'EAST')
SELECT name FROM region r WHERE 'EAST' IN (SELECT w FROM UNNEST(split(r.name, ' ')) u(w))
SELECT name FROM region r WHERE NOT EXISTS (SELECT 1 FROM UNNEST(split(r.name, ' ')) u(w) WHERE w = 'EAST') ORDER BY 1
SELECT t.a = u.a FROM (VALUES ARRAY[1]) t(a) JOIN (VALUES ARRAY[1]) u(a) ON t.a = u.a
SELECT count(*) FROM nation n1 JOIN nation n2 ON ARRAY[n1.regionkey] = ARRAY[n2.regionkey]
SELECT t.n, u.m FROM (VALUES (1, ARRAY[1, 2]), (2, ARRAY[NULL])) t(n, a) JOIN (VALUES (10, ARRAY[1, 2]), (20, ARRAY[NULL]), (30, ARRAY[1])) u(m, a) ON t.a = u.a
SELECT count(*) FROM nation n JOIN region r ON ROW(n.regionkey, 'x') = ROW(r.regionkey, 'x')
SELECT n, x FROM (VALUES (1, ARRAY[1,2])) t(n, arr) CROSS JOIN UNNEST(transform(t.arr, v -> v + t.n)) AS u(x)
SELECT n, x FROM (VALUES (1, ARRAY[1,2]), (5, ARRAY[3])) t(n, arr) CROSS JOIN UNNEST(transform(arr, v -> v + n)) AS u(x) ORDER BY 1, 2
SELECT n, x FROM (VALUES (1, ARRAY[1,2]), (5, ARRAY[3])) t(n, arr), UNNEST(filter(arr, v -> v > n)) AS u(x) ORDER BY 1, 2
SELECT n, x FROM (VALUES (1, ARRAY[1,2]), (5, ARRAY[3])) t(n, arr) LEFT JOIN UNNEST(filter(arr, v -> v > n)) AS u(x) ON true ORDER BY 1, 2
SELECT (SELECT sum(x) FROM UNNEST(transform(arr, v -> v * n)) AS u(x)) FROM (VALUES (1, ARRAY[1,2]), (5, ARRAY[3])) t(n, arr) ORDER BY 1
SELECT (SELECT transform(arr, v -> v + t.n)) FROM (VALUES (1, ARRAY[1,2])) t(n, arr)
SELECT n.name, x FROM nation n CROSS JOIN UNNEST(transform(ARRAY[1,2], v -> v * n.nationkey)) AS u(x) WHERE n.nationkey < 3 ORDER BY 1, 2
SELECT n.name, x, o FROM nation n CROSS JOIN UNNEST(transform(ARRAY[1,2], v -> v + n.regionkey)) WITH ORDINALITY AS u(x, o) WHERE n.nationkey < 2 ORDER BY 1, 3
SELECT n, x, y FROM (VALUES (1, ARRAY[1,2])) t(n, arr) CROSS JOIN UNNEST(transform(arr, v -> v + n), transform(arr, v -> v * n * 10)) AS u(x, y)
SELECT n, k, v FROM (VALUES (2, MAP(ARRAY['a'], ARRAY[1]))) t(n, m) CROSS JOIN UNNEST(transform_values(m, (k, v) -> v * n)) AS u(k, v)
SELECT r.name, max(x) FROM region r CROSS JOIN UNNEST(transform(ARRAY[1, 2], v -> v + r.regionkey)) AS u(x) GROUP BY r.name ORDER BY 1
SELECT n, s FROM (VALUES (1, ARRAY[1,2])) t(n, arr) CROSS JOIN LATERAL (SELECT reduce(arr, n, (s, v) -> s + v, s -> s) AS s) l
SELECT n, x, y FROM (VALUES (1, ARRAY[1,2])) t(n, arr) CROSS JOIN UNNEST(transform(t.arr, v -> v + t.n), transform(t.arr, v -> v * t.n * 10)) AS u(x, y)
SELECT n, x FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[3])) t(n, arr) CROSS JOIN UNNEST(transform(arr, v -> v + n)) AS u(x) WHERE x > 2
SELECT name, (SELECT max(x) FROM UNNEST(transform(ARRAY[1, 2], v -> v * n.nationkey)) u(x)) FROM nation n WHERE nationkey < 3 ORDER BY 1
SELECT n.name, l.s FROM nation n CROSS JOIN LATERAL (SELECT transform(ARRAY[1, 2], v -> v + n.regionkey) AS s) l WHERE n.nationkey < 2 ORDER BY 1
SELECT n.name, l.c FROM nation n CROSS JOIN LATERAL (SELECT count(*) c FROM region r WHERE any_match(ARRAY[r.regionkey], v -> v = n.regionkey)) l WHERE n.nationkey < 3 ORDER BY 1
SELECT n, x FROM (VALUES (1, ARRAY[1,2]), (5, ARRAY[3])) t(n, arr) CROSS JOIN UNNEST(transform(t.arr, v -> v + t.n)) AS u(x) ORDER BY 1, 2
SELECT transform(ARRAY[CAST(ROW(1,'a') AS ROW(i int, s varchar))], e -> e.s)
SELECT filter(ARRAY[CAST(ROW(1,'a') AS ROW(i int, s varchar)), CAST(ROW(2,'b') AS ROW(i int, s varchar))], e -> e.i > 1)
SELECT transform(ARRAY[CAST(ROW(1,'a') AS ROW(i int, s varchar))], e -> e[1])
SELECT transform(ARRAY[CAST(ROW(1,'a') AS ROW(i int, s varchar))], e -> e.s || 'x')
SELECT any_match(ARRAY[CAST(ROW(1,'a') AS ROW(i int, s varchar))], e -> e.i = 1 AND e.s = 'a')
SELECT reduce(ARRAY[CAST(ROW(1,'a') AS ROW(i int, s varchar)), CAST(ROW(2,'b') AS ROW(i int, s varchar))], 0, (acc, e) -> acc + e.i, acc -> acc)
SELECT name, transform(ARRAY[1, 2], x -> x + nationkey) FROM nation WHERE nationkey < 3 ORDER BY 1
SELECT name FROM nation WHERE any_match(ARRAY[1, 2, 3], x -> x = regionkey) ORDER BY 1 LIMIT 5
SELECT regionkey, sum(cardinality(filter(ARRAY[1, 2, 3, 4], x -> x <= nationkey))) FROM nation GROUP BY regionkey ORDER BY 1
SELECT regionkey, transform(array_agg(nationkey ORDER BY nationkey), x -> x * regionkey) FROM nation GROUP BY regionkey ORDER BY 1
SELECT regionkey, filter(array_agg(name ORDER BY name), s -> s LIKE 'A%') FROM nation GROUP BY regionkey ORDER BY 1
SELECT name, transform(ARRAY[1], x -> x + rank() OVER (ORDER BY nationkey)) FROM nation WHERE nationkey < 3 ORDER BY 1
SELECT name, sum(nationkey) OVER (PARTITION BY regionkey ORDER BY nationkey), transform(ARRAY[nationkey], x -> x * 2) FROM nation WHERE regionkey = 1 ORDER BY nationkey
SELECT n.name, r.name, transform(ARRAY[n.nationkey, r.regionkey], x -> x * 10) FROM nation n JOIN region r ON n.regionkey = r.regionkey WHERE n.nationkey < 3 ORDER BY 1
SELECT r.name, zip_with(ARRAY[1, 2], ARRAY[3, 4], (a, b) -> a * b + r.regionkey) FROM region r ORDER BY 1
SELECT r.name, map_filter(MAP(ARRAY['a', 'b'], ARRAY[1, 2]), (k, v) -> v > r.regionkey) FROM region r ORDER BY 1
SELECT r.name, transform_keys(MAP(ARRAY[1, 2], ARRAY['a', 'b']), (k, v) -> k + r.regionkey) FROM region r ORDER BY 1
SELECT r, count(*) FROM (SELECT CAST(ROW(regionkey, regionkey % 2) AS ROW(a bigint, b bigint)) r FROM nation) GROUP BY r ORDER BY r.a
SELECT r.a, count(*) FROM (SELECT CAST(ROW(regionkey, name) AS ROW(a bigint, b varchar)) r FROM nation) GROUP BY r.a ORDER BY 1
SELECT x.r.a, y.r.b FROM (SELECT CAST(ROW(1, 'x') AS ROW(a int, b varchar)) r) x JOIN (SELECT CAST(ROW(1, 'y') AS ROW(a int, b varchar)) r) y ON x.r.a = y.r.a
SELECT x.k FROM (VALUES (ROW(1, 2), 1), (ROW(1, 3), 2)) x(r, k) JOIN (VALUES (ROW(1, 2))) y(r) ON x.r = y.r
SELECT a, count(*) FROM (VALUES (ARRAY[1, 2]), (ARRAY[1, 2]), (ARRAY[3])) t(a) GROUP BY a ORDER BY 2 DESC
SELECT m, count(*) FROM (VALUES (MAP(ARRAY['a'], ARRAY[1])), (MAP(ARRAY['a'], ARRAY[1]))) t(m) GROUP BY m
SELECT a, row_number() OVER (PARTITION BY a ORDER BY k) FROM (VALUES (ARRAY[1], 1), (ARRAY[1], 2), (ARRAY[2], 3)) t(a, k) ORDER BY k
SELECT r, rank() OVER (ORDER BY r) FROM (VALUES ROW(CAST(ROW(2, 'b') AS ROW(x int, y varchar))), ROW(CAST(ROW(1, 'a') AS ROW(x int, y varchar)))) t(r) ORDER BY 2
SELECT DISTINCT a FROM (VALUES (ARRAY[1, 2]), (ARRAY[1, 2]), (ARRAY[3])) t(a) ORDER BY a
SELECT max(r), min(r) FROM (VALUES (CAST(ROW(1, 'a') AS ROW(x int, y varchar))), (CAST(ROW(2, 'b') AS ROW(x int, y varchar)))) t(r)
SELECT array_agg(r ORDER BY r.x DESC) FROM (VALUES (CAST(ROW(1, 'a') AS ROW(x int, y varchar))), (CAST(ROW(2, 'b') AS ROW(x int, y varchar)))) t(r)
SELECT n.name, a FROM nation n CROSS JOIN UNNEST(ARRAY[n.regionkey, n.nationkey]) AS u(a) WHERE n.nationkey = 5 ORDER BY 2
SELECT n.name, x, y FROM nation n CROSS JOIN UNNEST(ARRAY[n.name], ARRAY[n.nationkey, n.regionkey]) AS u(x, y) WHERE n.nationkey = 5
SELECT r.name, e.i, e.s FROM region r CROSS JOIN UNNEST(ARRAY[CAST(ROW(r.regionkey, r.name) AS ROW(i bigint, s varchar))]) AS e(i, s) ORDER BY 1 LIMIT 2
SELECT x, count(*) FROM nation n CROSS JOIN UNNEST(ARRAY[n.regionkey % 2]) AS u(x) GROUP BY x ORDER BY 1
SELECT x, sum(x) OVER (ORDER BY x) FROM UNNEST(ARRAY[3, 1, 2]) AS u(x) ORDER BY 1
SELECT n.name, u.x FROM nation n LEFT JOIN LATERAL (SELECT x FROM UNNEST(ARRAY[n.regionkey]) u(x) WHERE x > 2) u ON true WHERE n.nationkey < 4 ORDER BY 1
SELECT n.name, l.m FROM nation n CROSS JOIN LATERAL (SELECT max(x) m FROM UNNEST(ARRAY[n.nationkey, n.regionkey]) u(x)) l WHERE n.nationkey < 3 ORDER BY 1
SELECT n, arr, cardinality(arr) FROM (SELECT regionkey n, array_agg(nationkey) arr FROM nation GROUP BY regionkey) WHERE n < 2 ORDER BY 1
SELECT n, x FROM (SELECT regionkey n, array_agg(nationkey ORDER BY nationkey) arr FROM nation GROUP BY regionkey) CROSS JOIN UNNEST(arr) AS u(x) WHERE n = 0 ORDER BY 2
SELECT element_at(m, 'a'), m['b'] FROM (VALUES MAP(ARRAY['a', 'b'], ARRAY[1, 2])) t(m)
SELECT transform(ARRAY[ARRAY[1, 2], ARRAY[3]], a -> transform(a, x -> x * cardinality(a)))
SELECT transform(ARRAY[1, 2], x -> transform(ARRAY[10], y -> x + y + n)) FROM (VALUES 100) t(n)
SELECT filter(ARRAY[1, 2, 3], x -> x IN (1, 3))
SELECT transform(ARRAY['a', 'b'], s -> upper(s) || CAST(length(s) AS varchar))
SELECT transform(ARRAY[1, NULL, 3], x -> coalesce(x, 0))
SELECT transform(ARRAY[1, 2], x -> CASE WHEN x > 1 THEN 'big' ELSE 'small' END)
SELECT r.name, array_sort(transform(ARRAY[3, 1, 2], x -> x * r.regionkey)) FROM region r ORDER BY 1 LIMIT 2
SELECT name FROM region r WHERE cardinality(filter(split(r.comment, ' '), w -> length(w) > r.regionkey + 8)) > 0 ORDER BY 1
SELECT name FROM nation WHERE cardinality(filter(ARRAY[1, 2, 3], x -> x > regionkey)) = 2 ORDER BY 1
SELECT name FROM nation ORDER BY reduce(ARRAY[nationkey, regionkey], 0, (s, x) -> s - x, s -> s), name LIMIT 3
SELECT name, sum(cardinality(transform(ARRAY[1, 2], x -> x + nationkey))) OVER (PARTITION BY regionkey) FROM nation WHERE nationkey < 5 ORDER BY 1
SELECT regionkey, max(transform(ARRAY[nationkey], x -> x * 2)[1]) FROM nation GROUP BY regionkey ORDER BY 1
SELECT regionkey, array_agg(transform(ARRAY[nationkey], x -> x + regionkey) ORDER BY nationkey) FROM nation WHERE nationkey < 6 GROUP BY regionkey ORDER BY 1
SELECT transform(ARRAY[1, 2], x -> x + regionkey), count(*) FROM nation GROUP BY transform(ARRAY[1, 2], x -> x + regionkey) ORDER BY 1
SELECT regionkey, transform(ARRAY[1], x -> x + count(*)) FROM nation GROUP BY regionkey
SELECT regionkey, c, transform(ARRAY[c], x -> x * 2) FROM (SELECT regionkey, count(*) c FROM nation GROUP BY regionkey) ORDER BY 1
SELECT n.name, x FROM nation n CROSS JOIN UNNEST(filter(ARRAY[0, 1, 2, 3, 4], v -> v = n.regionkey)) AS u(x) WHERE n.nationkey < 4 ORDER BY 1
SELECT r.name, count(x) FROM region r LEFT JOIN UNNEST(filter(ARRAY[1, 2, 3], v -> v < r.regionkey)) AS u(x) ON true GROUP BY r.name ORDER BY 1
SELECT r.name, x, y FROM region r CROSS JOIN UNNEST(ARRAY[r.regionkey], transform(ARRAY[r.name], s -> lower(s))) AS u(x, y) ORDER BY 1 LIMIT 3
SELECT r.name, (SELECT array_agg(x ORDER BY x) FROM UNNEST(transform(ARRAY[2, 1], v -> v * r.regionkey)) u(x)) FROM region r ORDER BY 1
SELECT r.name FROM region r WHERE EXISTS (SELECT 1 FROM UNNEST(transform(ARRAY[1, 2], v -> v + r.regionkey)) u(x) WHERE x = 4) ORDER BY 1
SELECT r.name FROM region r WHERE 5 IN (SELECT x FROM UNNEST(transform(ARRAY[1, 2], v -> v + r.regionkey)) u(x)) ORDER BY 1
SELECT t.r.a, t.r.b FROM (SELECT CAST(ROW(nationkey, name) AS ROW(a bigint, b varchar)) r FROM nation WHERE nationkey < 2) t ORDER BY 1
SELECT x.r.b, y.name FROM (SELECT CAST(ROW(regionkey, name) AS ROW(a bigint, b varchar)) r FROM region) x JOIN nation y ON x.r.a = y.regionkey WHERE y.nationkey < 3 ORDER BY 2
SELECT r.a, count(*) FROM (SELECT CAST(ROW(regionkey, nationkey) AS ROW(a bigint, b bigint)) r FROM nation) GROUP BY r.a ORDER BY 1
SELECT r, count(*) FROM (SELECT CAST(ROW(regionkey % 2, 'x') AS ROW(a bigint, b varchar)) r FROM nation) GROUP BY r ORDER BY r.a
SELECT max_by(r, r.b), min_by(r, r.b) FROM (SELECT CAST(ROW(name, nationkey) AS ROW(a varchar, b bigint)) r FROM nation)
SELECT r.a, row_number() OVER (PARTITION BY r.a ORDER BY r.b DESC) FROM (SELECT CAST(ROW(regionkey, nationkey) AS ROW(a bigint, b bigint)) r FROM nation WHERE nationkey < 6) ORDER BY r.b
SELECT lag(r) OVER (ORDER BY r.b) FROM (SELECT CAST(ROW(regionkey, nationkey) AS ROW(a bigint, b bigint)) r FROM nation WHERE nationkey < 3) ORDER BY r.b
SELECT a, first_value(a) OVER (ORDER BY k) FROM (VALUES (ARRAY[1], 1), (ARRAY[2, 3], 2)) t(a, k) ORDER BY k
SELECT m['k'], count(*) FROM (SELECT MAP(ARRAY['k'], ARRAY[regionkey]) m FROM nation) GROUP BY m['k'] ORDER BY 1
SELECT x.a, y.a FROM (VALUES (ARRAY[1, 2])) x(a) JOIN (VALUES (ARRAY[1, 2]), (ARRAY[3])) y(a) ON x.a = y.a
SELECT x.m FROM (VALUES (MAP(ARRAY[1], ARRAY['a']))) x(m) JOIN (VALUES (MAP(ARRAY[1], ARRAY['a']))) y(m) ON x.m = y.m
SELECT DISTINCT r FROM (VALUES (CAST(ROW(1, 'a') AS ROW(x int, y varchar))), (CAST(ROW(1, 'a') AS ROW(x int, y varchar)))) t(r, z)
SELECT a FROM (VALUES ARRAY[1, 2], ARRAY[1, 2], ARRAY[3]) t(a) UNION SELECT ARRAY[4] ORDER BY 1
SELECT a FROM (VALUES ARRAY[3], ARRAY[1, 2]) t(a) ORDER BY a DESC
SELECT r FROM (VALUES ROW(CAST(ROW(2, 'b') AS ROW(x int, y varchar))), ROW(CAST(ROW(1, 'a') AS ROW(x int, y varchar)))) t(r) ORDER BY r
SELECT n, zip(a, b) FROM (VALUES (1, ARRAY[1, 2], ARRAY['a', 'b'])) t(n, a, b)
SELECT n, x, y FROM (VALUES (1, ARRAY[1, 2], ARRAY['a', 'b'])) t(n, a, b) CROSS JOIN UNNEST(zip(a, b)) AS u(x, y)
SELECT n, e.field0 FROM (VALUES (1, ARRAY[1, 2])) t(n, a) CROSS JOIN UNNEST(zip(a, a)) AS u(e)
SELECT k, v FROM (SELECT map_agg(name, regionkey) m FROM region) CROSS JOIN UNNEST(m) AS u(k, v) ORDER BY v
SELECT x, count(*) FROM nation CROSS JOIN UNNEST(sequence(0, regionkey)) AS u(x) GROUP BY x ORDER BY 1
SELECT regionkey, array_join(array_sort(array_agg(DISTINCT substr(name, 1, 1))), ',') FROM nation GROUP BY regionkey ORDER BY 1
SELECT name, transform(split(comment, ' '), w -> length(w))[1] FROM region ORDER BY 1
SELECT * FROM UNNEST(ARRAY[1, 2]) WITH ORDINALITY AS u(x, o) WHERE o > 1
SELECT u.*, t.n FROM (VALUES 7) t(n) CROSS JOIN UNNEST(ARRAY['a', 'b']) WITH ORDINALITY u(s, o)
SELECT name, rank() OVER (PARTITION BY cardinality(filter(ARRAY[1, 2, 3], x -> x <= regionkey)) ORDER BY name) FROM nation WHERE nationkey < 6 ORDER BY 1
SELECT name, sum(nationkey) OVER (ORDER BY transform(ARRAY[nationkey], x -> -x)[1]) FROM nation WHERE nationkey < 4 ORDER BY 1
SELECT regionkey, array_agg(name) FILTER (WHERE any_match(ARRAY['A', 'E'], p -> name LIKE p || '%')) FROM nation GROUP BY regionkey ORDER BY 1
SELECT count_if(any_match(ARRAY[1, 2], x -> x = regionkey)) FROM nation
SELECT regionkey, reduce(array_agg(nationkey), 0, (s, x) -> s + x * regionkey, s -> s) FROM nation GROUP BY regionkey ORDER BY 1
SELECT regionkey, transform(array_agg(CAST(ROW(nationkey, name) AS ROW(k bigint, n varchar))), r -> r.n) FROM nation WHERE nationkey < 5 GROUP BY regionkey ORDER BY 1
SELECT regionkey, filter(array_agg(CAST(ROW(nationkey, name) AS ROW(k bigint, n varchar))), r -> r.k > regionkey * 5) FROM nation WHERE nationkey < 12 GROUP BY regionkey ORDER BY 1
SELECT n.name, transform(ARRAY[CAST(ROW(r.name, r.regionkey) AS ROW(a varchar, b bigint))], e -> e.a || n.name) FROM nation n JOIN region r ON n.regionkey = r.regionkey WHERE n.nationkey < 3 ORDER BY 1
SELECT e.a, e.b FROM (SELECT CAST(ROW(name, regionkey) AS ROW(a varchar, b bigint)) e FROM region) ORDER BY e.b DESC LIMIT 2
SELECT x, y FROM (VALUES 1) t(n) CROSS JOIN UNNEST(ARRAY[CAST(ROW(1, 'a') AS ROW(x int, y varchar))]) AS u(x, y)
SELECT t.n, u.x FROM (VALUES 1, 2) t(n) LEFT JOIN LATERAL (SELECT x FROM UNNEST(sequence(1, t.n)) s(x) WHERE x > 1) u ON true ORDER BY 1, 2
SELECT t.n, u.c FROM (VALUES ARRAY[1, 2], ARRAY[3]) t(n) CROSS JOIN LATERAL (SELECT count(*) c FROM UNNEST(t.n)) u ORDER BY 2
SELECT n, (SELECT array_agg(y ORDER BY y DESC) FROM UNNEST(a) u(y)) FROM (VALUES (1, ARRAY[3, 1, 2])) t(n, a)
SELECT n, (SELECT max(y) FROM UNNEST(filter(a, v -> v < n)) u(y)) FROM (VALUES (2, ARRAY[3, 1, 2]), (4, ARRAY[5])) t(n, a) ORDER BY 1
SELECT a, transform(a, x -> x + (SELECT 1)) FROM (VALUES ARRAY[1]) t(a)
SELECT transform(ARRAY[1, 2], x -> x IS NULL), transform(ARRAY[1, NULL], x -> x IS NULL)
SELECT transform(ARRAY['1', '2'], x -> CAST(x AS integer) + 1)
SELECT transform(ARRAY[1, 2], x -> ROW(x, x * 2))
SELECT transform(ARRAY[1, 2], x -> ARRAY[x, x])
SELECT transform(ARRAY[1, 2], x -> MAP(ARRAY['k'], ARRAY[x]))
SELECT transform(MAP(ARRAY['a'], ARRAY[1]), (k, v) -> v)
SELECT map_filter(MAP(ARRAY['a', 'b'], ARRAY[1, 2]), (k, v) -> k = 'a' AND v > 0)
SELECT transform_values(MAP(ARRAY['a', 'b'], ARRAY[1, 2]), (k, v) -> k || CAST(v AS varchar))
SELECT zip_with(ARRAY['a', 'b'], ARRAY[1, 2], (x, y) -> ROW(x, y))
SELECT array_sort(ARRAY[3, 1, 2], (a, b) -> IF(a < b, 1, IF(a = b, 0, -1)))
SELECT all_match(ARRAY[], x -> x > 0), any_match(ARRAY[], x -> x > 0), none_match(ARRAY[], x -> x > 0)
SELECT find_first(ARRAY[1, 2, 3], x -> x > 1)
SELECT r.name, find_first(ARRAY[1, 2, 3], x -> x > r.regionkey) FROM region r ORDER BY 1
SELECT r.name, array_sort(ARRAY[3, 1, 2], (a, b) -> IF(a * r.regionkey < b, -1, 1)) FROM region r ORDER BY 1 LIMIT 2
SELECT transform(ARRAY[1.5, 2.5], x -> x * 2)
SELECT transform(ARRAY[DATE '2024-01-01'], d -> d + INTERVAL '1' DAY)
SELECT transform(ARRAY[1, 2], x -> x / 0)
SELECT filter(ARRAY[1, 2], x -> 1 / (x - 1) > 0)
SELECT transform(ARRAY[1, 2], x -> x + y) FROM (VALUES 1) t(z)
SELECT transform(ARRAY[1, 2], (x, y) -> x)
SELECT transform(ARRAY[1, 2], x -> 'a' + x)
VALUES (ROW(2, 'b'), 1)
SELECT x.k FROM (VALUES (ROW(1, 2), 1), (ROW(1, 3), 2)) x(r, k) JOIN (VALUES (ROW(1, 2), 0)) y(r, z) ON x.r = y.r
SELECT * FROM (VALUES (ROW(1, ')'), 'x')) t(r, s)
SELECT (ROW(1, 'a'), 2) IN ((ROW(1, 'a'), 2))
SELECT * FROM (VALUES (ROW(2, 'b'), 1)) t(r, n) WHERE nosuch = 1
SELECT n, x, y FROM (VALUES (1, ARRAY[1,2])) t(n, arr) CROSS JOIN UNNEST(ARRAY[n], arr) AS u(x, y)
SELECT transform_values(MAP(ARRAY['a'], ARRAY[1]), v -> v)
SELECT zip_with(ARRAY[1], ARRAY[2], x -> x)
SELECT regionkey, filter(array_agg(name ORDER BY name), s -> length(s) > regionkey + 5) FROM nation GROUP BY regionkey ORDER BY 1
SELECT regionkey, count(*) FROM nation GROUP BY regionkey HAVING any_match(array_agg(nationkey), x -> x = regionkey * 6) ORDER BY 1
SELECT transform(ARRAY[1, 2], x -> filter(ARRAY[1, 2, 3], y -> y > x))
SELECT transform(ARRAY[1, 2], x -> transform(ARRAY[10], y -> transform(ARRAY[100], z -> x + y + z)))
SELECT transform(ARRAY[1, 2], x -> transform(ARRAY[10], x -> x + 1))
SELECT reduce(ARRAY[1, 2], 0, (s, x) -> s + cardinality(filter(ARRAY[1, 2, 3], y -> y <= x)), s -> s)
SELECT transform(ARRAY[1], x -> nationkey + x) FROM nation WHERE nationkey = 3
SELECT n.name, transform(ARRAY[1, 2], x -> transform(ARRAY[n.regionkey], y -> x * 10 + y + n.nationkey)) FROM nation n WHERE n.nationkey < 2 ORDER BY 1
VALUES CAST(ROW(1,2) AS ROW(x int, y int))
SELECT * FROM (VALUES CAST(ROW(1,'a') AS ROW(x int, y varchar))) t(a, b)
SELECT a FROM (VALUES (CAST(ROW(1, 'a') AS ROW(x int, y varchar))), (CAST(ROW(2, 'b') AS ROW(x int, y varchar)))) t(a, b) ORDER BY 1
VALUES CAST(ROW(1) AS ROW(x int))
SELECT r FROM (VALUES ROW(CAST(ROW(2, 'b') AS ROW(x int, y varchar)))) t(r)
SELECT transform(ARRAY[1], x -> x + count(*)) FROM nation
SELECT regionkey, transform(ARRAY[1], x -> x + max(nationkey)) FROM nation GROUP BY regionkey
SELECT (SELECT x FROM UNNEST(ARRAY[count(*)]) u(x)) FROM nation
SELECT n, (SELECT count(*) FROM UNNEST(ARRAY[max(n)]) u(x)) FROM (VALUES 1) t(n)
SELECT * FROM (VALUES 1) t(n) CROSS JOIN UNNEST(ARRAY[count(*)]) u(x)
SELECT u.x FROM UNNEST(ARRAY[1,2]) AS u
SELECT * FROM UNNEST(ARRAY[1,2]) AS u
SELECT CAST(ROW(1, 2) AS ROW(int, int))
SELECT CAST(ROW(1, 2) AS ROW(int, int))[1], CAST(ROW(1, 2) AS ROW(int, int))[2]
SELECT CAST(ROW(1, 'a') AS ROW(bigint, varchar))
SELECT CAST(ROW(1, 2.5) AS ROW(double, decimal(5,2)))
SELECT CAST(ROW(1, 2) AS ROW(x int, int))
SELECT CAST(ROW(1, ROW(2, 'b')) AS ROW(bigint, ROW(int, varchar(3))))
SELECT CAST(ARRAY[ROW(1, 'a')] AS array(row(bigint, varchar)))
SELECT CAST(x AS array(row(bigint, varchar))) FROM (VALUES ARRAY[ROW(1, 'a'), ROW(2, 'b')]) t(x)
SELECT CAST(MAP(ARRAY['k'], ARRAY[ROW(1, 2)]) AS map(varchar, row(double, double)))
SELECT typeof(CAST(ROW(1, 2) AS ROW(int, int)))
SELECT CAST(ROW(1, 2) AS ROW(int, double)).x
SELECT CAST(ROW(1, 2) AS ROW(double precision, timestamp(3)))
SELECT CAST(ROW(1, 2) AS ROW(int))
SELECT CAST(NULL AS ROW(int, varchar))
SELECT TRY_CAST(ROW('x', 2) AS ROW(int, int))
SELECT CAST(ROW('a', 'b') AS ROW(char(2), varchar))
SELECT ARRAY[CAST('a' AS char(3))]
SELECT ARRAY[CAST('a' AS char(3)), CAST('bc' AS char(2))]
SELECT ARRAY[CAST('a' AS char(2)), 'xyz']
SELECT CAST(ARRAY['a', 'bcd'] AS array(char(3)))
SELECT CAST(ARRAY['abcd'] AS array(char(2)))
SELECT CAST(x AS array(char(3))) FROM (VALUES ARRAY['a', 'b  ']) t(x)
SELECT MAP(ARRAY[CAST('a' AS char(3))], ARRAY[CAST('b' AS char(2))])
SELECT CAST(MAP(ARRAY['a'], ARRAY['b']) AS map(char(2), char(3)))
SELECT ROW(CAST('a' AS char(3)), 1)
SELECT CAST(ROW('a', 1) AS ROW(c char(3), n int))
SELECT ARRAY[CAST('a' AS char(3))][1], typeof(ARRAY[CAST('a' AS char(3))][1])
SELECT element_at(ARRAY[CAST('a' AS char(3))], 1)
SELECT ROW(CAST('a' AS char(3)), 1)[1]
SELECT x FROM UNNEST(ARRAY[CAST('a' AS char(3)), CAST('b' AS char(3))]) t(x) ORDER BY x
SELECT cardinality(ARRAY[CAST('a' AS char(3))]), contains(ARRAY[CAST('a' AS char(3))], CAST('a' AS char(3)))
SELECT CASE WHEN n = 1 THEN CAST('a' AS char(2)) ELSE CAST('bcd' AS char(4)) END FROM (VALUES 1, 2) t(n) ORDER BY n
SELECT CASE n WHEN 1 THEN CAST('a' AS char(2)) ELSE 'xyz' END FROM (VALUES 1, 2) t(n) ORDER BY n
SELECT CASE WHEN n = 1 THEN CAST('a' AS char(2)) ELSE CAST('xyz' AS varchar(5)) END FROM (VALUES 1, 2) t(n) ORDER BY n
SELECT COALESCE(c, CAST('bcd' AS char(4))) FROM (VALUES CAST('a' AS char(2)), NULL) t(c)
SELECT COALESCE(c, 'xyz') FROM (VALUES CAST('a' AS char(2)), NULL) t(c)
SELECT IF(n = 1, CAST('a' AS char(2)), 'xyz') FROM (VALUES 1, 2) t(n) ORDER BY n
SELECT COALESCE(CAST(NULL AS char(2)), CAST('bcd' AS char(4)))
SELECT COALESCE(CAST(NULL AS char(2)), 'x')
SELECT greatest(CAST('a' AS char(2)), CAST('bcd' AS char(4))), least(CAST('a' AS char(2)), CAST('bcd' AS char(4)))
SELECT IF(true, CAST('a' AS char(2)), CAST('bcd' AS char(4)))
SELECT NULLIF(CAST('a' AS char(2)), CAST('a' AS char(4)))
SELECT x FROM (SELECT CAST('a' AS char(2)) UNION ALL SELECT CAST('bcd' AS char(4))) t(x) ORDER BY x
SELECT x FROM (SELECT CAST('a' AS char(2)) UNION SELECT 'xyz') t(x) ORDER BY x
SELECT CAST('a' AS char(3)) = 'a', CAST('a' AS char(3)) = 'a  ', CAST('a' AS char(3)) < 'a '
SELECT CAST('a' AS char(3)) IN ('a', 'b'), CAST('a' AS char(3)) IN ('a  ', 'b'), CAST('c' AS char(3)) NOT IN ('a', 'b')
SELECT 'a' IN (CAST('a' AS char(3)), CAST('b' AS char(2)))
SELECT x FROM (VALUES CAST('a' AS char(3)), CAST('b' AS char(3))) t(x) WHERE x IN ('a', 'c')
SELECT x FROM (VALUES 'a ', 'b') t(x) WHERE x IN (CAST('a' AS char(3)), CAST('b' AS char(3))) ORDER BY x
SELECT x FROM (VALUES CAST('a' AS char(3))) t(x) JOIN (VALUES 'a') u(y) ON x = y
SELECT x, y FROM (VALUES CAST('a' AS char(3))) t(x) JOIN (VALUES CAST('a  ' AS varchar)) u(y) ON x = y
SELECT x, y FROM (VALUES CAST('a' AS char(3)), CAST('b' AS char(3))) t(x) LEFT JOIN (VALUES 'a', 'b ') u(y) ON x = y ORDER BY x
SELECT x FROM (VALUES CAST('a' AS char(3))) t(x) WHERE x IN (SELECT 'a')
SELECT n.name FROM nation n JOIN (VALUES CAST('BRAZIL' AS char(10))) t(c) ON n.name = c
SELECT count(*) FROM nation WHERE CAST(name AS char(20)) IN ('BRAZIL', 'CHINA')
SELECT x, count(*) FROM (VALUES CAST('a' AS char(3)), CAST('a ' AS char(3)), CAST('b' AS char(3))) t(x) GROUP BY x ORDER BY x
SELECT DISTINCT x FROM (VALUES CAST('a' AS char(3)), CAST('a  ' AS char(3))) t(x)
SELECT count(DISTINCT x) FROM (VALUES CAST('a' AS char(3)), CAST('a ' AS char(3))) t(x)
SELECT max(x), min(x) FROM (VALUES CAST('a' AS char(3)), CAST('b' AS char(2))) t(x)
SELECT array_sort(array_agg(x)) FROM (VALUES CAST('a' AS char(3)), CAST('b' AS char(3))) t(x)
SELECT typeof(x) FROM (VALUES ROW(CAST('a' AS char(3)), 1)) t(x)
SELECT CAST(ARRAY[CAST('a' AS char(3))] AS array(varchar))
SELECT CAST(ROW(CAST('a' AS char(3))) AS ROW(varchar))
SELECT CAST(ROW(1, 2) AS ROW(int, int)) = ROW(1, 2)
SELECT CAST(x AS ROW(int, varchar)) FROM (VALUES ROW(1, 'a'), ROW(2, 'b')) t(x) ORDER BY 1
SELECT r[2] FROM (SELECT CAST(ROW(1, 'z') AS ROW(bigint, varchar)) r)
SELECT CAST(ROW(1, 2) AS ROW(a int, b int)).a
SELECT CAST(ROW(1, NULL) AS ROW(int, array(int)))
SELECT CAST(JSON '[1, "a"]' AS ROW(bigint, varchar))
SELECT CAST(ROW(1, 2) AS ROW(timestamp(3) with time zone, int))
SELECT CAST(ROW('a', 'b') AS ROW(char(2), char(3))) = ROW(CAST('a' AS char(2)), CAST('b' AS char(3)))
SELECT TRY_CAST(ARRAY['abc'] AS array(char(2)))
SELECT CAST(ARRAY[CAST('a' AS char(3))] AS array(char(1)))
SELECT CAST(ARRAY[ARRAY['a']] AS array(array(char(2))))
SELECT CAST(NULL AS array(char(2)))
SELECT array_distinct(ARRAY[CAST('a' AS char(2)), CAST('a ' AS char(2))])
SELECT array_max(ARRAY[CAST('a' AS char(2)), CAST('b' AS char(2))])
SELECT map_keys(MAP(ARRAY[CAST('a' AS char(2))], ARRAY[1]))
SELECT ARRAY[CAST('a' AS char(2))] = ARRAY[CAST('a ' AS char(2))]
SELECT contains(ARRAY[CAST('a' AS char(2))], 'a')
SELECT ARRAY[CAST('a' AS char(2))] || ARRAY[CAST('b' AS char(2))]
SELECT array_join(ARRAY[CAST('a' AS char(2)), CAST('b' AS char(2))], ',')
SELECT CAST(x AS char(3)) = y FROM (VALUES ('a', 'a  ')) t(x, y)
SELECT x FROM (VALUES CAST('a' AS char(3)), CAST('b' AS char(3))) t(x) WHERE x NOT IN ('a')
SELECT count(*) FROM (VALUES CAST('a' AS char(3))) t(x) WHERE x IN (CAST('a' AS varchar), 'b')
SELECT x FROM (VALUES 'a', 'b') t(x) WHERE x IN (SELECT CAST('a' AS char(3)))
SELECT x FROM (VALUES CAST('a' AS char(3))) t(x) WHERE EXISTS (SELECT 1 FROM (VALUES 'a') u(y) WHERE y = x)
SELECT * FROM (VALUES CAST('a' AS char(2))) t(x) FULL JOIN (VALUES 'a', 'c') u(y) ON x = y ORDER BY y
SELECT CAST(x AS varchar) = 'a  ' FROM (VALUES CAST('a' AS char(3))) t(x)
SELECT greatest(c, 'b') FROM (VALUES CAST('a' AS char(2))) t(c)
SELECT NULLIF(c, 'a') FROM (VALUES CAST('a' AS char(2)), CAST('b' AS char(2))) t(c) ORDER BY 1
SELECT ARRAY[c, 'xyz'] FROM (VALUES CAST('a' AS char(2))) t(c)
SELECT ROW(c, 'x') FROM (VALUES CAST('a' AS char(2))) t(c)
SELECT MAP(ARRAY[c], ARRAY[c]) FROM (VALUES CAST('a' AS char(2))) t(c)
SELECT max_by(c, n), min_by(c, n) FROM (VALUES (CAST('a' AS char(2)), 1), (CAST('b' AS char(2)), 2)) t(c, n)
SELECT c || 'x' FROM (VALUES CAST('a' AS char(2))) t(c)
SELECT length(c), c LIKE 'a%' FROM (VALUES CAST('a' AS char(2))) t(c)
SELECT transform(ARRAY[CAST('a' AS char(2))], x -> x || '.')
SELECT transform(ARRAY[CAST('a' AS char(2))], x -> length(x))
SELECT filter(ARRAY[CAST('a' AS char(2)), CAST('b' AS char(2))], x -> x = 'a')
SELECT any_match(ARRAY[CAST('a' AS char(2))], x -> x = 'a ')
SELECT CAST(ARRAY[CAST('a' AS char(2))] AS json)
SELECT array_position(ARRAY[CAST('a' AS char(2)), CAST('b' AS char(2))], 'b')
SELECT map_entries(MAP(ARRAY[CAST('a' AS char(2))], ARRAY[1]))
SELECT x || '|' FROM UNNEST(ARRAY[CAST('a' AS char(2))]) t(x)
SELECT zip(ARRAY[CAST('a' AS char(2))], ARRAY[1])
SELECT transform_values(MAP(ARRAY[1], ARRAY[CAST('a' AS char(2))]), (k, v) -> v || '.')
SELECT CAST(ARRAY[CAST('a' AS char(2))] AS array(varchar(5)))
SELECT a[1] || '.' FROM (VALUES ARRAY[CAST('a' AS char(2))]) t(a)
SELECT r[1] || '.' FROM (VALUES ROW(CAST('a' AS char(2)), 1)) t(r)
SELECT json_format(CAST(MAP(ARRAY[CAST('a' AS char(2))], ARRAY[CAST('b' AS char(2))]) AS json))
SELECT element_at(MAP(ARRAY[CAST('a' AS char(2))], ARRAY[1]), 'a')
SELECT MAP(ARRAY[CAST('a' AS char(2))], ARRAY[1])[CAST('a ' AS char(2))]
SELECT array_sort(ARRAY[CAST('b' AS char(2)), CAST('a' AS char(2))])
SELECT CASE WHEN true THEN CAST('a' AS char(2)) ELSE CAST('bcd' AS char(4)) END
SELECT CASE WHEN true THEN CAST('a' AS char(2)) ELSE 'xyz' END
SELECT COALESCE(CAST('a' AS char(2)), CAST('bcd' AS char(4)))
SELECT COALESCE(c, 'xyz') FROM (VALUES CAST('a' AS char(2))) t(c)
SELECT COALESCE('a', 'xyz')
SELECT CASE WHEN true THEN 'a' ELSE 'xyz' END
SELECT CAST(c AS varchar(5)) FROM (VALUES CAST('a' AS char(2))) t(c)
SELECT CAST(CAST('a' AS char(2)) AS varchar(5))
SELECT CAST(x AS varchar) = 'a  ', CAST(x AS varchar) = 'a' FROM (VALUES CAST('a' AS char(3))) t(x)
SELECT CAST(x AS varchar(5)) = 'a', CAST(x AS varchar(5)) FROM (VALUES CAST('a' AS char(3))) t(x)
SELECT x FROM (VALUES CAST('a' AS char(3))) t(x) JOIN (VALUES 'a') u(y) ON CAST(x AS varchar) = y
SELECT x FROM (VALUES CAST('a' AS char(3))) t(x) JOIN (VALUES 'a  ') u(y) ON CAST(x AS varchar) = y
SELECT CAST(x AS varchar) IN ('a', 'b') FROM (VALUES CAST('a' AS char(3))) t(x)
SELECT CAST(x AS varchar) || '|' FROM (VALUES CAST('a' AS char(3))) t(x)
SELECT CAST(CAST('a' AS char(3)) AS varchar) = 'a'
SELECT a, count(*) FROM (VALUES ARRAY[CAST('a' AS char(2))], ARRAY[CAST('a ' AS char(2))]) t(a) GROUP BY a
SELECT DISTINCT a FROM (VALUES ARRAY[CAST('a' AS char(2))], ARRAY[CAST('b' AS char(2))]) t(a) ORDER BY a
SELECT * FROM (VALUES ARRAY[CAST('a' AS char(2))], ARRAY[CAST('bcd' AS char(3))]) t(a) ORDER BY a
SELECT x FROM (SELECT ARRAY[CAST('a' AS char(2))] UNION ALL SELECT ARRAY[CAST('bcd' AS char(3))]) t(x) ORDER BY x
SELECT CASE WHEN n = 1 THEN ARRAY[CAST('a' AS char(2))] ELSE ARRAY[CAST('bcd' AS char(3))] END FROM (VALUES 1, 2) t(n) ORDER BY n
SELECT COALESCE(r, ROW(CAST('x' AS char(3)), 1)) FROM (VALUES ROW(CAST('a' AS char(2)), 2)) t(r)
SELECT c, rank() OVER (ORDER BY c) FROM (VALUES CAST('b' AS char(2)), CAST('a' AS char(2))) t(c) ORDER BY c
SELECT lag(c) OVER (ORDER BY c) FROM (VALUES CAST('b' AS char(2)), CAST('a' AS char(2))) t(c) ORDER BY 1 NULLS FIRST
SELECT transform(ARRAY[1, 2], x -> c) FROM (VALUES CAST('a' AS char(2))) t(c)
SELECT CAST(ROW(1, 'a') AS ROW(bigint, char(3))).field0
SELECT r[1], r[2] FROM (VALUES CAST(ROW(1, 'a') AS ROW(bigint, char(3)))) t(r)
SELECT CAST(ARRAY[CAST('a' AS char(2))] AS json)
SELECT json_format(CAST(ROW(CAST('a' AS char(2)), 1) AS json))
SELECT contains(ARRAY[CAST('a' AS char(2))], 'a '), array_position(ARRAY[CAST('a' AS char(2)), CAST('b' AS char(2))], 'b')
SELECT cardinality(array_distinct(ARRAY[CAST('a' AS char(2)), CAST('a ' AS char(2))]))
SELECT element_at(MAP(ARRAY[CAST('a' AS char(2))], ARRAY[1]), CAST('a' AS char(2)))
SELECT map_values(MAP(ARRAY[1], ARRAY[CAST('a' AS char(2))]))
SELECT slice(ARRAY[CAST('a' AS char(2)), CAST('b' AS char(2))], 1, 1)
SELECT array_remove(ARRAY[CAST('a' AS char(2)), CAST('b' AS char(2))], CAST('a' AS char(2)))
SELECT upper(c), lower(c), trim(c), rtrim(c) FROM (VALUES CAST('a' AS char(3))) t(c)
SELECT CAST(ROW(1, 2) AS ROW(int, int)) IS NULL
SELECT x.* FROM (VALUES CAST(ROW(1, 'a') AS ROW(int, varchar))) t(x)
SELECT CAST(r AS ROW(varchar, varchar)) FROM (VALUES ROW(1, 'a')) t(r)
SELECT ARRAY[CAST(ROW(1, 2) AS ROW(int, int)), ROW(3, 4)]
SELECT CAST(ROW(1, 2.5) AS ROW(a int, b double)) = CAST(ROW(1, 2.5) AS ROW(int, double))
