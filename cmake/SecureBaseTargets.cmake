# Project-wide compile settings: strict warnings for our own targets, optional sanitizers.
# Third-party headers come in through IMPORTED targets, which CMake treats as system headers,
# so -Werror applies to our code only.

option(SECUREBASE_SANITIZE "Build everything with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

if(SECUREBASE_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# Strict warnings on one of our own targets.
function(securebase_strict target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror -Wshadow -Wnon-virtual-dtor
                                           -Wold-style-cast -Wcast-align -Woverloaded-virtual)
  target_compile_features(${target} PUBLIC cxx_std_20)
endfunction()
