# Runs inside cmake_install.cmake (see ReelInstall.cmake), with REEL_ARTIFACTS set: installs
# every C shim a backend loads lazily (artifacts/lib/libreel_<name>.so*, e.g. the FFmpeg shim
# libreel_ffmpeg.so.0) beside libreel, links kept as links. A shim built in the tree carries
# the build RUNPATH (artifacts/lib); the installed copy gets $ORIGIN instead (it may need
# libreel or a sibling shim, which sit beside it), rewritten in place by CMake.
file(GLOB _reel_shims LIST_DIRECTORIES false "${REEL_ARTIFACTS}/lib/libreel_*.so*")
set(_reel_lib "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/lib")
foreach(_reel_shim IN LISTS _reel_shims)
  if(_reel_shim MATCHES "\\.dbg$")
    continue()
  endif()
  file(INSTALL "${_reel_shim}" DESTINATION "${_reel_lib}")
  get_filename_component(_reel_name "${_reel_shim}" NAME)
  if(NOT IS_SYMLINK "${_reel_shim}")
    file(READ_ELF "${_reel_lib}/${_reel_name}" RUNPATH _reel_runpath RPATH _reel_rpath)
    foreach(_reel_path IN ITEMS "${_reel_runpath}" "${_reel_rpath}")
      if(NOT _reel_path STREQUAL "" AND NOT _reel_path STREQUAL "$ORIGIN")
        file(RPATH_CHANGE FILE "${_reel_lib}/${_reel_name}" OLD_RPATH "${_reel_path}" NEW_RPATH "$ORIGIN")
      endif()
    endforeach()
  endif()
endforeach()
