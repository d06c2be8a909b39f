"""Prime counting and a Monte-Carlo estimate of pi: integer- and
float-heavy loops with no arrays, the kind of code pyxc's first release
compiles. Runs unchanged with plain CPython."""
import pyxc


@pyxc.native
def is_prime(n: int) -> bool:
    """Trial division by 2, 3 and numbers of the form 6k +- 1."""
    if n < 2:
        return False
    if n < 4:
        return True
    if n % 2 == 0 or n % 3 == 0:
        return False
    d = 5
    while d * d <= n:
        if n % d == 0 or n % (d + 2) == 0:
            return False
        d += 6
    return True


@pyxc.native
def count_primes(start: int, stop: int) -> int:
    """How many primes p satisfy start <= p < stop."""
    count = 0
    for n in range(start, stop):
        if is_prime(n):
            count += 1
    return count


@pyxc.native
def twin_primes(stop: int) -> int:
    """How many pairs (p, p + 2) of primes have p + 2 < stop."""
    pairs = 0
    previous_is_prime = False
    for n in range(3, stop, 2):
        current = is_prime(n)
        if current and previous_is_prime:
            pairs += 1
        previous_is_prime = current
    return pairs


@pyxc.native
def monte_carlo_pi(samples: int, seed: int = 12345) -> float:
    """Estimates pi from points of a 31-bit linear congruential generator
    (glibc's constants; the product stays inside int64) falling inside the
    unit quarter circle."""
    if samples <= 0:
        raise ValueError("samples must be positive")
    state = seed % 2147483648
    inside = 0
    for _ in range(samples):
        state = (state * 1103515245 + 12345) % 2147483648
        x = state / 2147483648.0
        state = (state * 1103515245 + 12345) % 2147483648
        y = state / 2147483648.0
        if x * x + y * y < 1.0:
            inside += 1
    return 4.0 * inside / samples


def prime_report(limit):
    """Plain Python caller: calls the compiled functions when the module was
    built, the Python ones otherwise."""
    return {
        "primes": count_primes(0, limit),
        "twin_pairs": twin_primes(limit),
        "pi_estimate": monte_carlo_pi(limit),
    }
