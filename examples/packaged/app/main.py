"""The service part of the example: not in the wheel, copied last into the image."""
from fastkernels import count_primes

if __name__ == "__main__":
    print(count_primes(100000))
