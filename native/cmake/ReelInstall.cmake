# What `cmake --install <build tree> --prefix DIR` (build/install.sh) lays out: a relocatable
# tree with no path of the build machine in it.
#
#   lib/libreel.so.X.Y.Z              the library (artifacts/lib/libreel.so, renamed)
#   lib/libreel.so.X -> .so.X.Y.Z     its SONAME
#   lib/libreel.so -> .so.X           the development link (-lreel)
#   lib/libreel_<name>.so*            the C shims backends load lazily, as they are in
#                                     artifacts/lib (links kept), RUNPATH $ORIGIN
#   include/reel*.h                   every public header
#   include/reel*.hpp                 the C++ RAII wrappers (bindings/cpp)
#   lib/pkgconfig/reel.pc             prefix from ${pcfiledir}
#   lib/cmake/Reel/ReelConfig.cmake   Reel::reel, prefix from the file's own folder
#   lib/cmake/Reel/ReelConfigVersion.cmake  SameMajorVersion (docs/ABI.md says why)
#   bin/reel                          the tool, RUNPATH $ORIGIN/../lib (not artifacts/lib)
#   share/doc/reel/                   LICENSE, THIRD-PARTY.md, CHANGELOG.md, and the .NET
#                                     runtime's LICENSE and THIRD-PARTY-NOTICES (in libreel)
#
# Included at the end of native/CMakeLists.txt, after the targets it installs exist.
include(CMakePackageConfigHelpers)

set(_reel_repo "${CMAKE_CURRENT_LIST_DIR}/../..")

# libreel is built by dotnet publish, not by CMake: install the file under its release name,
# then make the two links. DESTDIR is honoured like CMake's own rules do.
install(FILES "${REEL_ARTIFACTS}/lib/libreel.so" DESTINATION lib RENAME "libreel.so.${REEL_VERSION}")
install(CODE "
  set(_reel_lib \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/lib\")
  message(STATUS \"Installing: \${_reel_lib}/libreel.so.${REEL_VERSION_MAJOR} -> libreel.so.${REEL_VERSION}\")
  file(CREATE_LINK \"libreel.so.${REEL_VERSION}\" \"\${_reel_lib}/libreel.so.${REEL_VERSION_MAJOR}\" SYMBOLIC)
  message(STATUS \"Installing: \${_reel_lib}/libreel.so -> libreel.so.${REEL_VERSION_MAJOR}\")
  file(CREATE_LINK \"libreel.so.${REEL_VERSION_MAJOR}\" \"\${_reel_lib}/libreel.so\" SYMBOLIC)")

# The shims are found when the install runs, so one that a later build adds (or that another
# CMake project wrote into artifacts/lib) is installed without a rule of its own.
install(CODE "set(REEL_ARTIFACTS \"${REEL_ARTIFACTS}\")")
install(SCRIPT "${CMAKE_CURRENT_LIST_DIR}/ReelInstallShims.cmake")

install(DIRECTORY "${REEL_INCLUDE_DIR}/" DESTINATION include FILES_MATCHING PATTERN "reel*.h")
install(DIRECTORY "${_reel_repo}/bindings/cpp/" DESTINATION include FILES_MATCHING PATTERN "reel*.hpp")

# The build tree's RUNPATH (artifacts/lib, for the in-tree tests) is replaced at install;
# CMake rewrites it in place and clears the old string.
set_target_properties(reel_tool PROPERTIES INSTALL_RPATH "$ORIGIN/../lib")
install(TARGETS reel_tool RUNTIME DESTINATION bin)

configure_file("${CMAKE_CURRENT_LIST_DIR}/reel.pc.in" "${CMAKE_CURRENT_BINARY_DIR}/package/reel.pc" @ONLY)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/package/reel.pc" DESTINATION lib/pkgconfig)

configure_file("${CMAKE_CURRENT_LIST_DIR}/ReelConfig.cmake.in" "${CMAKE_CURRENT_BINARY_DIR}/package/ReelConfig.cmake" @ONLY)
# SameMajorVersion: a 0.x minor only appends (docs/ABI.md), so find_package(Reel 0.2) is
# served by 0.2.x, 0.3.x, ... and refused by 0.1.x and 1.x.
write_basic_package_version_file("${CMAKE_CURRENT_BINARY_DIR}/package/ReelConfigVersion.cmake"
  VERSION "${REEL_VERSION}" COMPATIBILITY SameMajorVersion)
install(FILES
  "${CMAKE_CURRENT_BINARY_DIR}/package/ReelConfig.cmake"
  "${CMAKE_CURRENT_BINARY_DIR}/package/ReelConfigVersion.cmake"
  DESTINATION lib/cmake/Reel)

install(FILES "${_reel_repo}/LICENSE" "${_reel_repo}/docs/THIRD-PARTY.md" "${_reel_repo}/CHANGELOG.md"
  DESTINATION share/doc/reel)
# Published beside libreel by NativeAOT.props (ReelPublishRuntimeNotices).
install(DIRECTORY "${REEL_ARTIFACTS}/publish/notices/" DESTINATION share/doc/reel)
