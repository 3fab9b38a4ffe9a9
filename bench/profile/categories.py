"""Shares of a collapsed async-profiler profile by component (deepest matching frame wins).

Usage: python3 bench/profile/categories.py bench/results/profile-<name>.collapsed
"""
import collections
import re
import sys

CATEGORIES = [
    ("JIT compiler threads", r"CompileBroker"), ("logging", r"logback|org/slf4j"), ("JWT (nimbus)", r"nimbusds"),
    ("crypto (ACCP/JCA)", r"amazon/corretto|javax/crypto|sun/security|dev/e2ee/crypto"),
    ("Jackson", r"tools/jackson|com/fasterxml"), ("Micrometer/observation", r"micrometer|Observation"),
    ("PostgreSQL JDBC", r"org/postgresql"), ("HikariCP", r"zaxxer"), ("Hibernate", r"org/hibernate"),
    ("Redis (Lettuce/Netty)", r"lettuce|data/redis|io/netty"),
    ("Spring Data/ORM/tx", r"springframework/data|springframework/orm|springframework/transaction"),
    ("Spring Security", r"springframework/security"), ("service code", r"dev/e2ee"),
    ("Spring MVC", r"springframework/web"), ("Tomcat", r"apache/(catalina|coyote|tomcat)"),
]
PATTERNS = [(name, re.compile(pattern)) for name, pattern in CATEGORIES]
total, shares = 0, collections.Counter()
for line in open(sys.argv[1]):
    stack, count = line.rsplit(" ", 1)
    count = int(count)
    total += count
    category = "other (GC, kernel, JVM)"
    for frame in reversed(stack.split(";")):
        found = next((name for name, pattern in PATTERNS if pattern.search(frame)), None)
        if found:
            category = found
            break
    shares[category] += count
for name, count in shares.most_common():
    print(f"{100 * count / total:5.1f}%  {name}")
