// SHA-256 through OpenSSL's libcrypto: the cache's content addresses and
// its integrity check (never a hand-written hash).
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace pyxc::driver {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  Sha256& update(std::string_view bytes);
  // A length-prefixed field, so that ("ab", "c") and ("a", "bc") differ.
  Sha256& field(std::string_view bytes);
  std::string hexDigest();  // finishes the hash; 64 lowercase hex digits

 private:
  struct State;
  std::unique_ptr<State> state_;
};

std::string sha256Hex(std::string_view bytes);

}  // namespace pyxc::driver
