package com.example.fridge;

import io.mcumgr4j.error.GroupErrorException;
import java.util.ArrayList;
import java.util.List;

/** The device side of {@link FridgeMgmt}. */
public final class Fridge implements FridgeMgmt {

  private int deciC = 40;
  private final List<Integer> doors = new ArrayList<>();

  @Override
  public synchronized void setTarget(int deciCelsius) {
    if (deciCelsius > 120) {
      throw new GroupErrorException(FridgeMgmtError.TOO_WARM);
    }
    deciC = deciCelsius;
  }

  @Override
  public synchronized State state() {
    return new State(deciC, List.copyOf(doors));
  }

  /** Records a door opening. */
  public synchronized void doorOpened(int secondsSinceBoot) {
    doors.add(secondsSinceBoot);
  }
}
